/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-background.h: work that runs beside the window without taking its processor */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowers the calling thread's priority (its nice value, on Linux; elsewhere nothing), for a
 * thread that works in the background: the window's thread then gets a processor at once
 * when it wants one, also on a two-core laptop whose other core is busy. Threads it starts
 * afterwards inherit the lower priority. An unprivileged thread cannot raise it again, so
 * call it only in a thread of one's own, never in one of a pool others share. */
void raad_background_lower_priority (void);

G_END_DECLS
