#pragma once
// LatestValue: a slot holding the most recent value of T, written by one thread (the disk
// writer publishing meters) and read by any other (the UI once per frame, the CLI once a
// second). Readers get a whole, consistent copy. A mutex is enough: neither side is the
// real-time thread, and the critical section is one small copy.

#include <mutex>

namespace ds::audio {

template <typename T>
class LatestValue {
  public:
    // [any] Replaces the value.
    void publish(const T& value) {
        std::lock_guard lock(mutex_);
        value_ = value;
    }

    // [any] A copy of the latest value (T{} before the first publish).
    T get() const {
        std::lock_guard lock(mutex_);
        return value_;
    }

  private:
    mutable std::mutex mutex_;
    T value_{};
};

}  // namespace ds::audio
