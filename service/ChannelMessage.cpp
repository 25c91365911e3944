#include "service/ChannelMessage.h"

namespace ds::service {

bool channelIsWritten(std::string_view channel) {
    return channel != "phone" && channel != "studio";
}

}  // namespace ds::service
