#pragma once
// Both ends of a pipe, close-on-exec (a child gets an end only through a spawn's descriptor
// map). Throws std::system_error if the system has no descriptors left.
#include "posix/UniqueFd.h"

namespace ds::posix {

struct Pipe {
    UniqueFd read;
    UniqueFd write;

    static Pipe open();
};

}  // namespace ds::posix
