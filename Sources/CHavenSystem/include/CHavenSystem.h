#ifndef CHAVEN_SYSTEM_H
#define CHAVEN_SYSTEM_H

/// Makes the process non-dumpable (no core file, no ptrace by other processes of the same user) and sets the core
/// size limit to zero. Returns 0 on success, -1 when either call failed (errno says why).
int haven_forbid_core_dumps(void);

/// 1 when the process is marked non-dumpable, 0 when it is dumpable, -1 on error.
int haven_is_dumpable(void);

#endif
