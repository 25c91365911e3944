#include "service/ChannelSecrets.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Time.h"
#include "studio/Transaction.h"

namespace ds::service {

namespace {

// Short secrets are guessable; Meta's app secrets are 32 hex digits.
constexpr std::size_t kMinSecret = 16;

void requireSecret(const std::string& value, const char* field) {
    requireText(value, field, kMaxNameBytes, true);
    if (value.size() < kMinSecret)
        throw UserError(
            fmt::format("{}: at least {} characters, so it cannot be guessed", field, kMinSecret));
    for (unsigned char c : value)
        if (c <= ' ' || c >= 0x7F)
            throw UserError(fmt::format("{}: printable ASCII only, without spaces", field));
}

}  // namespace

void ChannelSecretStore::save(const std::string& channel, const std::string& settings,
                              const std::string& actor) {
    Transaction tx(db_);
    Statement had = db_.prepare("SELECT 1 FROM channel_secrets WHERE channel = ?");
    had.bind(1, channel);
    const bool existed = had.step();
    db_.prepare(
           "INSERT INTO channel_secrets (channel, settings, updated_at) VALUES (?, ?, ?) "
           "ON CONFLICT(channel) DO UPDATE SET settings = excluded.settings, "
           "updated_at = excluded.updated_at")
        .bindAll(channel, settings, formatUtc(now()))
        .run();
    // The journal records that the secret changed, never the secret.
    Journal::append(db_, {actor, "channel.configure", "channel:" + channel,
                          existed ? nlohmann::json{{"secret", "set"}} : nlohmann::json(),
                          nlohmann::json{{"secret", existed ? "replaced" : "set"}}});
    tx.commit();
}

void ChannelSecretStore::setWhatsApp(const WhatsAppSecrets& s, const std::string& actor) {
    requireSecret(s.verifyToken, "--verify-token");
    requireSecret(s.appSecret, "--app-secret");
    save("whatsapp",
         nlohmann::json{{"verify_token", s.verifyToken}, {"app_secret", s.appSecret}}.dump(),
         actor);
}

void ChannelSecretStore::setWebhook(const std::string& secret, const std::string& actor) {
    requireSecret(secret, "--secret");
    save("webhook", nlohmann::json{{"secret", secret}}.dump(), actor);
}

ChannelSecrets ChannelSecretStore::load() {
    ChannelSecrets out;
    Statement st = db_.prepare("SELECT channel, settings FROM channel_secrets");
    while (st.step()) {
        const std::string channel = st.getText(0);
        const auto j = nlohmann::json::parse(st.getText(1), nullptr, false);
        if (!j.is_object()) continue;
        if (channel == "whatsapp")
            out.whatsapp = WhatsAppSecrets{j.value("verify_token", ""), j.value("app_secret", "")};
        else if (channel == "webhook")
            out.webhookSecret = j.value("secret", "");
    }
    return out;
}

}  // namespace ds::service
