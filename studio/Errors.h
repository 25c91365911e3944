#pragma once
// The errors a command reports to the person at the keyboard. Each carries one clear line that
// names what is wrong and where; the command table turns them into an exit code.
#include <stdexcept>
#include <string>

namespace ds {

// Something the user asked for or supplied is wrong: bad value, unknown id, rule broken. Exit 1.
class UserError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Bad input data: a file, row and field can be named. Exit 1.
class InputError : public UserError {
  public:
    using UserError::UserError;
};

// An id that names nothing. Exit 1 (kept apart so callers can tell it from other user errors).
class NotFoundError : public UserError {
  public:
    using UserError::UserError;
};

// Another process holds the database longer than we are willing to wait. Exit 3.
class BusyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace ds
