/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-agenda.c: opening a meeting in the agenda builder, moving an item, exporting a PDF */

/* Prints figures and ratios against a bare libadwaita window measured in the same run; it
 * asserts nothing about time. The organisation of the face-book benchmark (100 councils,
 * 5,000 members, here without portraits) gets 200 meetings of 30 items for its central
 * council. Opening and moving run in the real app (--benchmark=agenda), which times, as for
 * a search keystroke, the synchronous work (store, models, widgets) and the work of the frame
 * showing the result; the PDF export runs here, on the same database. A move's synchronous
 * part is split into the store write (until the store announces the change: the transaction
 * and its fsync, synchronous=FULL) and the page's update. Last, a sync: 500 agenda items are
 * written through a second connection to the file and the app notices them
 * (raad_store_notice_changes), once none of them the open meeting's, once with its 30 among
 * them; what is timed is the main thread's work until the frame showing the result. The app
 * starts timing once the face-book has filled its cards in the background. Under
 * valgrind --tool=callgrind the app dumps the instructions of each phase apart
 * (RAAD_BENCHMARK_NO_SETTLE=1 skips the wait for the face-book there). */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raad-agenda-document.h"
#include "raad-agenda.h"
#include "raad-perf-generate.h"
#include "raad-query.h"
#include "raad-record-list.h"

#define RUNS       11
#define PDF_RUNS   11
#define N_MEETINGS 200
#define N_ITEMS    30

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
  if (n == 0)
    return -1;
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
ensure_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStore) store = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  store = raad_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!raad_perf_generate (store, 100, 5000, FALSE, 20261123, &error)
      || !raad_perf_generate_meetings (store, N_MEETINGS, N_ITEMS, 20261123, &error))
    g_error ("%s", error->message);
  printf ("# generated 100 councils, 5,000 members, %d meetings of %d items in %.1f s\n",
          N_MEETINGS, N_ITEMS, (g_get_monotonic_time () - start) / 1e6);
}

/* The figures of "key[N]=a[+b+c]" fields of @line, each part into its array; returns how many. */
static guint
collect_parts (const char *line,
               const char *key,
               double     *a,
               double     *b,
               double     *c)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL && n < 64; i++)
    {
      double x = 0, y = 0, z = 0;
      const char *eq = strchr (parts[i], '=');

      if (!g_str_has_prefix (parts[i], key) || eq == NULL)
        continue;
      if (sscanf (eq + 1, "%lf+%lf+%lf", &x, &y, &z) < 1)
        continue;
      a[n] = x;
      if (b != NULL)
        b[n] = y;
      if (c != NULL)
        c[n] = z;
      n++;
    }
  return n;
}

/* The figures of "key[N]=a+b[+c+d]" fields of @line: a+b into @first, c+d into @second. */
static guint
collect (const char *line,
         const char *key,
         double     *first,
         double     *sync,
         double     *second,
         guint      *bad)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      double a = 0, b = 0, c = 0, d = 0;
      const char *eq = strchr (parts[i], '=');

      if (!g_str_has_prefix (parts[i], key) || eq == NULL)
        continue;
      if (sscanf (eq + 1, "%lf+%lf+%lf+%lf", &a, &b, &c, &d) < 2)
        continue;
      if (strchr (eq, '!') != NULL && bad != NULL)
        (*bad)++;
      first[n] = a + b;
      if (sync != NULL)
        sync[n] = a;
      if (second != NULL)
        second[n] = c + d;
      n++;
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  const char *app = argc > 1 ? argv[1] : "src/raadswerk";
  const char *bare = argc > 2 ? argv[2] : "tests/perf/bare-window";
  const char *dir = argc > 3 ? argv[3] : "perf-data";
  g_autofree char *db = NULL;
  g_autofree char *db_arg = NULL;
  g_autofree char *line = NULL;
  double t_bare[RUNS], cpu_bare[RUNS];
  double bare_ms, bare_cpu_ms;
  double s;

  g_mkdir_with_parents (dir, 0700);
  db = g_build_filename (dir, "org-100x5000-agenda-200x30.db", NULL);
  ensure_database (db);
  db_arg = g_strconcat ("--database=", db, NULL);

  /* The floor: a bare window's start-up to its first frame, as bench-facebook measures it. */
  for (guint i = 0; i < RUNS; i++)
    {
      const char *bare_argv[] = { bare, NULL };
      g_autofree char *l = run_once (bare_argv, &t_bare[i]);
      const char *cpu = strstr (l, "cpu-ms=");

      cpu_bare[i] = cpu != NULL ? g_ascii_strtod (cpu + 7, NULL) : -1;
    }
  bare_ms = median (t_bare, RUNS) * 1000;
  bare_cpu_ms = median (cpu_bare, RUNS);
  printf ("bare libadwaita window, start-up to first frame (median of %d): %.0f ms wall, %.1f ms cpu\n",
          RUNS, bare_ms, bare_cpu_ms);

  /* Open and move, in the app. */
  {
    const char *agenda_argv[] = { app, db_arg, "--benchmark=agenda", NULL };
    double open[64], move[64], move_sync[64], follow[64];
    guint n_open, n_move, unmoved = 0;
    const char *rows;
    int n_rows = 0;

    line = run_once (agenda_argv, &s);
    if (g_getenv ("BENCH_AGENDA_RAW") != NULL)
      printf ("# %s\n", line);
    if (!g_str_has_prefix (line, "agenda ") || strstr (line, " meetings=") == NULL)
      {
        printf ("the app's agenda benchmark failed: %s\n", line);
        return 1;
      }
    n_open = collect (line, "open[", open, NULL, NULL, NULL);
    n_move = collect (line, "move[", move, move_sync, follow, &unmoved);
    rows = strstr (line, "open[0]=");
    rows = rows != NULL ? strchr (rows, '/') : NULL;
    if (rows != NULL)
      n_rows = atoi (rows + 1);

    printf ("open a meeting of %d items in the builder (%d rows), until the frame showing it "
            "(sync work + frame work, ms)\n", N_ITEMS, n_rows);
    if (n_open > 1)
      {
        double first = open[0];

        printf ("  first (cold)         %7.2f ms  %.2f× bare window\n", first, first / bare_ms);
        printf ("  median of %2u others  %7.2f ms  %.2f× bare window (goal < 50 ms)\n", n_open - 1,
                median (open + 1, n_open - 1), median (open + 1, n_open - 1) / bare_ms);
      }
    {
      double cpu[64];
      guint n_cpu = collect_parts (line, "open-cpu[", cpu, NULL, NULL);

      if (n_cpu > 1)
        printf ("  in the main thread's CPU time (no waits): median of %2u others %7.2f ms\n",
                n_cpu - 1, median (cpu + 1, n_cpu - 1));
    }
    printf ("reorder one item (move down/up: store write + page update, until the frame showing it)\n");
    if (n_move > 0)
      {
        double m = median (move, n_move);
        double ms = median (move_sync, n_move);
        double f = median (follow, n_move);

        printf ("  median of %2u         %7.2f ms  (%.2f sync + %.2f frame)  %.3f× bare window (goal < 8 ms)\n",
                n_move, m, ms, m - ms, m / bare_ms);
        printf ("  then the page's idle refresh after the store's change + its frame: median %.2f ms\n", f);
        {
          double write[64];
          guint n_write = collect_parts (line, "write[", write, NULL, NULL);

          double cpu[64];
          guint n_cpu = collect_parts (line, "move-cpu[", cpu, NULL, NULL);

          if (n_cpu > 0)
            printf ("  in the main thread's CPU time (no waits for the disk): median %.2f ms\n",
                    median (cpu, n_cpu));
          if (n_write > 0)
            printf ("  of the sync part, the store write (until the store announces it: "
                    "transaction, fsync): median %.2f ms; the page's update: %.2f ms\n",
                    median (write, n_write), ms - median (write, n_write));
        }
        if (unmoved > 0)
          printf ("  WARNING: %u moves did not change the rows' order\n", unmoved);
      }

    /* A sync writes agenda items through its own connection; the main thread notices them. */
    printf ("a sync noticing 500 changed agenda items while a meeting is open (main thread: "
            "notice + page's idle refresh + frame)\n");
    for (guint k = 0; k < 2; k++)
      {
        const char *key = k == 0 ? "sync-other[" : "sync-open[";
        double a[64], b[64], c[64], total[64];
        guint n = collect_parts (line, key, a, b, c);

        for (guint i = 0; i < n; i++)
          total[i] = a[i] + b[i] + c[i];
        if (n > 0)
          printf ("  %s median of %u  %7.2f ms  (%.2f notice + %.2f refresh + %.2f frame)\n",
                  k == 0 ? "none of the open meeting's:" : "the open meeting's 30 among them:",
                  n, median (total, n), median (a, n), median (b, n), median (c, n));
      }
  }

  /* PDF export of a 30-item agenda, here in this process on the same database. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RaadStore) store = raad_store_open (db, &error);
    g_autoptr(RaadQuery) query = raad_query_new ("meeting");
    g_autoptr(RaadRecordList) meetings = NULL;
    g_autofree char *pdf = g_build_filename (dir, "agenda-bench.pdf", NULL);
    double t_pdf[PDF_RUNS];
    const char *meeting_id;
    g_autoptr(GPtrArray) items = NULL;

    if (store == NULL)
      g_error ("%s", error->message);
    meetings = raad_record_list_new (store, query);
    meeting_id = raad_record_list_get_id (meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)) / 2);
    items = raad_agenda_list_items (store, meeting_id);
    for (guint i = 0; i < PDF_RUNS; i++)
      {
        g_autoptr(RaadAgendaDocument) document =
          raad_agenda_document_new (store, meeting_id, RAAD_AGENDA_DOCUMENT_AGENDA);
        gint64 start = g_get_monotonic_time ();

        if (!raad_agenda_document_export_pdf (document, pdf, &error))
          g_error ("PDF export failed: %s", error->message);
        t_pdf[i] = (g_get_monotonic_time () - start) / 1000.0;
        if (i == 0)
          printf ("PDF export of a %u-item agenda (%d page%s)\n", items->len,
                  raad_agenda_document_get_n_pages (document),
                  raad_agenda_document_get_n_pages (document) == 1 ? "" : "s");
      }
    printf ("  first %.2f ms, median of %d %.2f ms  %.2f× bare window (goal < 150 ms)\n",
            t_pdf[0], PDF_RUNS, median (t_pdf, PDF_RUNS), median (t_pdf, PDF_RUNS) / bare_ms);
    g_remove (pdf);
  }
  return 0;
}
