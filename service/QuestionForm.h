#pragma once
// The screener seat's intake form as the page posts it (a JSON object): caller_name, origin,
// contact, channel (default phone), text, topic, info_request, purpose. The question's rules
// (lengths, UTF-8, channel list) are checked by the intake; this only reads the form.
#include <string_view>

#include "studio/Question.h"

namespace ds::service {

// Throws InputError naming the field when the body is not a JSON object of strings.
Question parseQuestionForm(std::string_view body);

}  // namespace ds::service
