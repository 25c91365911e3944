#include "studio/Timeliness.h"

namespace ds {

Timeliness timeliness(Day due, std::optional<Day> decided, Day asOf) {
    if (decided) return *decided <= due ? Timeliness::OnTime : Timeliness::Late;
    return asOf > due ? Timeliness::Overdue : Timeliness::Pending;
}

}  // namespace ds
