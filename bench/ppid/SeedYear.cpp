// Seeds a year of PPID data for the export benchmark (bench/ppid/run_bench.py): 365 daily
// sessions of calendar year YEAR (default 2025) with 200 information requests each (73,000),
// as bench/YearOfRequests.h builds it.
//
//   bench_ppid_seed PATH [YEAR]     (PATH must not exist yet)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <date/date.h>

#include "bench/YearOfRequests.h"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s PATH [YEAR]\n", argv[0]);
        return 2;
    }
    std::filesystem::path file = argv[1];
    int year = argc == 3 ? std::stoi(argv[2]) : 2025;
    if (std::filesystem::exists(file)) {
        std::fprintf(stderr, "%s exists already\n", file.c_str());
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    ds::Database db = ds::Database::open(file);
    ds::StationStore stations(db);
    ds::Station st = stations.current(ds::bench::kActor);
    st.code = "BKL";
    st.name = "Polres Bengkulu";
    st.timeZone = "Asia/Jakarta";
    st.letterhead = "KEPOLISIAN NEGARA REPUBLIK INDONESIA\nDAERAH BENGKULU\nRESOR BENGKULU";
    st = stations.update(st, ds::bench::kActor);
    // 09:00 WIB (02:00 UTC) on 1 January.
    const ds::TimePoint first{date::sys_days{date::year{year} / 1 / 1}.time_since_epoch() +
                              std::chrono::hours(2)};
    ds::bench::seedYear(db, st, first, 365);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("seeded %s: 365 sessions, %d requests, year %d, in %.1f s\n", file.c_str(),
                365 * ds::bench::kRequestsPerSession, year, secs);
    return 0;
}
