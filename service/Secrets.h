#pragma once
// Secrets of seats and channels: random tokens, their stored form (SHA-256, so a copy of the
// database does not hand out working tokens), HMAC-SHA256 signatures of webhook bodies, and a
// comparison whose time does not depend on where two strings differ.
#include <string>
#include <string_view>

namespace ds::service {

// 32 random bytes from OpenSSL's generator, as 64 hex digits.
std::string newToken();
// SHA-256 of the text, 64 lower-case hex digits.
std::string sha256Hex(std::string_view text);
// HMAC-SHA256 of body under key, 64 lower-case hex digits.
std::string hmacSha256Hex(std::string_view key, std::string_view body);
// True when a and b are equal; the time taken depends only on their lengths.
bool constantTimeEquals(std::string_view a, std::string_view b);
// True when header is "sha256=<hex>" and the hex is the HMAC-SHA256 of body under secret
// (upper- or lower-case hex). The format Meta's X-Hub-Signature-256 uses.
bool signatureMatches(std::string_view secret, std::string_view body, std::string_view header);

}  // namespace ds::service
