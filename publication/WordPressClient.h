#pragma once
// The station's WordPress website through its REST API (wp/v2), authenticated with a user's
// application password (HTTP Basic): upload a medium, find a post by its slug, create a post
// with its featured medium. Plain http is for a site on this machine's loopback only; other
// addresses need https. The password is read from its file at construction, never logged.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace ds::publication {

struct WordPressPost {
    long id = 0;
    std::string link;
    std::string status;
};

struct WordPressMedia {
    long id = 0;
    std::string sourceUrl;
};

class WordPressClient {
  public:
    // `site` is the site's address ("http://127.0.0.1:8080"). UserError when the password file
    // cannot be read, is readable by others, or the address is neither https nor loopback.
    WordPressClient(const std::string& site, const std::string& user,
                    const std::filesystem::path& passwordFile);
    ~WordPressClient();

    // Signs in (GET users/me): a wrong or revoked application password is told here, before
    // anything is looked up or sent.
    void checkLogin();
    WordPressMedia uploadMedia(const std::filesystem::path& file, const std::string& title);
    std::optional<WordPressPost> findPost(const std::string& slug);
    WordPressPost createPost(const std::string& title, const std::string& html,
                             const std::string& slug, long featuredMedia);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ds::publication
