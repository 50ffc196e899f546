/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-facebook.c: start-up, search and memory of the face-book against a bare window */

/* Prints figures and ratios; it asserts nothing about time (machines differ and load
 * varies), it compares with a bare libadwaita window measured in the same run. Each process
 * is started fresh; start-up is the time from spawning it to the line it prints when its
 * first frame is painted, the median of several alternating runs. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raad-perf-generate.h"

#define RUNS 11

typedef struct
{
  double seconds;
  char  *line;
} Run;

static char *
run_once (const char * const *argv,
          double             *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  gint64 start = g_get_monotonic_time ();
  char *line;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (proc == NULL)
    g_error ("Cannot start %s: %s", argv[0], error->message);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  if (line == NULL)
    g_error ("%s printed nothing%s%s", argv[0], error ? ": " : "", error ? error->message : "");
  g_subprocess_wait (proc, NULL, NULL);
  return line;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static long
field_long (const char *line,
            const char *key)
{
  const char *p = line != NULL ? strstr (line, key) : NULL;

  return p != NULL ? strtol (p + strlen (key), NULL, 10) : -1;
}

static void
ensure_database (const char *path,
                 guint       councils,
                 guint       members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStore) store = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  store = raad_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (members == 0)
    return;
  start = g_get_monotonic_time ();
  if (!raad_perf_generate (store, councils, members, TRUE, 20261123, &error))
    g_error ("%s", error->message);
  printf ("# generated %u councils, %u members with photos in %.1f s\n", councils, members,
          (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  const char *app = argc > 1 ? argv[1] : "src/raadswerk";
  const char *bare = argc > 2 ? argv[2] : "tests/perf/bare-window";
  const char *dir = argc > 3 ? argv[3] : "perf-data";
  g_autofree char *empty_db = NULL;
  g_autofree char *big_db = NULL;
  g_autofree char *empty_arg = NULL;
  g_autofree char *big_arg = NULL;
  double t_bare[RUNS], t_empty[RUNS], t_big[RUNS];
  long rss_bare = -1;
  double s;

  g_mkdir_with_parents (dir, 0700);
  empty_db = g_build_filename (dir, "empty.db", NULL);
  big_db = g_build_filename (dir, "org-100x5000.db", NULL);
  g_remove (empty_db);
  ensure_database (empty_db, 0, 0);
  ensure_database (big_db, 100, 5000);
  empty_arg = g_strconcat ("--database=", empty_db, NULL);
  big_arg = g_strconcat ("--database=", big_db, NULL);

  /* Start-up, alternating so that drift in the machine's load hits all three alike. */
  for (guint i = 0; i < RUNS; i++)
    {
      const char *bare_argv[] = { bare, NULL };
      const char *empty_argv[] = { app, empty_arg, "--benchmark=first-frame", NULL };
      const char *big_argv[] = { app, big_arg, "--benchmark=first-frame", NULL };
      g_autofree char *l1 = run_once (bare_argv, &t_bare[i]);
      g_autofree char *l2 = run_once (empty_argv, &t_empty[i]);
      g_autofree char *l3 = run_once (big_argv, &t_big[i]);

      rss_bare = MAX (rss_bare, field_long (l1, "peak-rss-kib="));
    }

  {
    double bare_m = median (t_bare, RUNS);
    double empty_m = median (t_empty, RUNS);
    double big_m = median (t_big, RUNS);

    printf ("start-up to first frame (median of %d)\n", RUNS);
    printf ("  bare libadwaita window          %6.0f ms\n", bare_m * 1000);
    printf ("  Raadswerk, empty database       %6.0f ms  %.2f× bare\n", empty_m * 1000, empty_m / bare_m);
    printf ("  Raadswerk, 100 councils, 5,000  %6.0f ms  %.2f× bare (goal ≤ 1.3×), %.2f× empty (goal ≤ 1.1×)\n",
            big_m * 1000, big_m / bare_m, big_m / empty_m);
  }

  /* Search keystrokes over 5,000 members: work when the text changes + the frame showing it. */
  {
    const char *search_argv[] = { app, big_arg, "--benchmark=search", NULL };
    g_autofree char *line = run_once (search_argv, &s);
    g_auto(GStrv) parts = g_strsplit (line, " ", -1);
    double worst = 0, total = 0;
    guint n = 0;

    printf ("search keystroke over 5,000 members, until the first frame showing all of the result\n"
            "in view (query+models+widgets + updates/layout/paint of the frames, ms)\n");
    for (guint i = 0; parts[i]; i++)
      {
        double sync_ms, frame_ms;
        unsigned frames = 1;
        char *eq = strchr (parts[i], '=');

        if (!g_str_has_prefix (parts[i], "search[") || eq == NULL)
          continue;
        if (sscanf (eq + 1, "%lf+%lf/%u", &sync_ms, &frame_ms, &frames) < 2)
          continue;
        *eq = '\0';
        printf ("  %-20s %6.2f + %6.2f = %6.2f  (%u frame%s)\n", parts[i], sync_ms, frame_ms,
                sync_ms + frame_ms, frames, frames == 1 ? "" : "s");
        worst = MAX (worst, sync_ms + frame_ms);
        total += sync_ms + frame_ms;
        n++;
      }
    if (n > 0)
      printf ("  mean %.2f ms, worst %.2f ms (goal < 8 ms)\n", total / n, worst);
  }

  /* Memory: the face-book scrolled end to end against the bare window. */
  {
    const char *scroll_argv[] = { app, big_arg, "--benchmark=scroll", NULL };
    g_autofree char *line = run_once (scroll_argv, &s);
    long rss = field_long (line, "peak-rss-kib=");
    const char *frame = strstr (line, "max-frame-ms=");

    printf ("peak memory, face-book scrolled end to end (%ld frames, longest frame %.1f ms)\n",
            field_long (line, "frames="), frame != NULL ? g_ascii_strtod (frame + 13, NULL) : -1.0);
    printf ("  bare window %6.1f MiB, Raadswerk %6.1f MiB: +%.1f MiB (goal ≤ +60 MiB)\n",
            rss_bare / 1024.0, rss / 1024.0, (rss - rss_bare) / 1024.0);
  }
  return 0;
}
