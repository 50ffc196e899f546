/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-background.c: work that runs beside the window without taking its processor */
#define G_LOG_DOMAIN "raad-background"

#include "config.h"

#include <errno.h>
#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "raad-background.h"

/* Below the window's 0, above idle work: a background thread still finishes promptly. */
#define BACKGROUND_NICE 10

void
raad_background_lower_priority (void)
{
#ifdef __linux__
  /* On Linux a thread has a nice value of its own, addressed by its thread id. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICE) != 0)
    g_debug ("Cannot lower this thread's priority: %s", g_strerror (errno));
#endif
}
