#include "CHavenSystem.h"

#include <sys/prctl.h>
#include <sys/resource.h>

// prctl is variadic, which Swift cannot call; this file is the only C in Haven and calls nothing but the C library.
int haven_forbid_core_dumps(void) {
    struct rlimit none = {0, 0};
    int limited = setrlimit(RLIMIT_CORE, &none);
    int undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    return (limited == 0 && undumpable == 0) ? 0 : -1;
}

int haven_is_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}
