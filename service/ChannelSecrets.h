#pragma once
// The channels' secrets: WhatsApp's verify token and app secret, and the generic webhook's
// secret. Stored in the database (owner-only file); never printed back: the journal and every
// listing say only whether a secret is set.
#include <optional>
#include <string>

namespace ds {
class Database;
}

namespace ds::service {

struct WhatsAppSecrets {
    std::string verifyToken;
    std::string appSecret;
};

struct ChannelSecrets {
    std::optional<WhatsAppSecrets> whatsapp;
    std::optional<std::string> webhookSecret;  // the generic JSON webhook

    bool any() const { return whatsapp || webhookSecret; }
};

class ChannelSecretStore {
  public:
    explicit ChannelSecretStore(Database& db) : db_(db) {}

    void setWhatsApp(const WhatsAppSecrets& secrets, const std::string& actor);
    void setWebhook(const std::string& secret, const std::string& actor);
    ChannelSecrets load();

  private:
    void save(const std::string& channel, const std::string& settings, const std::string& actor);
    Database& db_;
};

}  // namespace ds::service
