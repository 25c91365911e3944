// Fuzz target for the studio service's parsers of untrusted input: the WhatsApp Cloud API
// notification, the generic webhook, the screener's form, the HTML-to-text of e-mail bodies and
// the signature header. The first byte picks the parser. A parser may refuse the input with an
// InputError (a clear message); anything else (a crash, another exception, a sanitizer report)
// is a finding. Built with libFuzzer by run-service-fuzz.sh (clang), never in CI.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "service/GenericWebhook.h"
#include "service/MaildirReader.h"
#include "service/QuestionForm.h"
#include "service/Secrets.h"
#include "service/WhatsAppWebhook.h"
#include "studio/Errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 5) {
            case 0: {
                auto n = ds::service::parseWhatsApp(input);
                for (const auto& m : n.messages)
                    if (m.channel != "whatsapp") __builtin_trap();
                break;
            }
            case 1:
                (void)ds::service::parseGenericWebhook(input);
                break;
            case 2:
                (void)ds::service::parseQuestionForm(input);
                break;
            case 3:
                (void)ds::service::htmlToText(input);
                break;
            case 4: {
                const auto cut = input.find('\n');
                const std::string_view header = input.substr(0, cut);
                const std::string_view body =
                    cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
                // A signature made with the secret always matches; a random header never does.
                const std::string good =
                    "sha256=" + ds::service::hmacSha256Hex("fuzz-secret", body);
                if (!ds::service::signatureMatches("fuzz-secret", body, good)) __builtin_trap();
                (void)ds::service::signatureMatches("fuzz-secret", body, header);
                break;
            }
        }
    } catch (const ds::InputError&) {
        // refused with a message: what bad input should get
    }
    return 0;
}
