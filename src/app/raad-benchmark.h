/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-benchmark.h: measurements the benchmarks in tests/perf ask a running app for */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs benchmark @mode ("first-frame", "scroll", "search", "agenda") once @window is mapped,
 * prints one line of figures on standard output and closes the window. */
void raad_benchmark_start (GtkWindow  *window,
                           const char *mode);

G_END_DECLS
