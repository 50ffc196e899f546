/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-benchmark.c: measurements the benchmarks in tests/perf ask a running app for */

/* The benchmarks start the real app with a hidden --benchmark=MODE option and read one line
 * of figures from its standard output; measuring inside the app sees the real window, the
 * real models and the real main loop, and the runner compares it with a bare window measured
 * the same way. Modes:
 *   first-frame  print when the window's first frame is painted, then quit;
 *   scroll       scroll the face-book end to end, one page per frame, then report the peak
 *                memory and the longest frame;
 *   search       type a sequence of searches and time each: the synchronous part (store
 *                query, models, widgets) and the layout and paint of the frame showing it. */

#define G_LOG_DOMAIN "raad-benchmark"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "raad-benchmark.h"
#include "raad-facebook-page.h"

typedef struct
{
  GtkWindow     *window;
  char          *mode;
  GdkFrameClock *clock;
  gulong         after_paint;
  gulong         before_paint;
  gint64         frame_start;
  guint          frames;
  gint64         last_paint;
  gint64         max_frame_us;
  guint          step;
  gint64         step_start;
  gint64         step_sync_us;
  gboolean       waiting_for_paint;
  gboolean       settled;
  gint64         step_frames_us;
  guint          step_frames;
  GString       *report;
} Benchmark;

static const char * const searches[] = {
  "v", "vo", "voe", "voed", "voedi", "voedin", "voeding", "", "a", "an", "ann", "anna", "",
  NULL
};

/* CPU time of the main thread, in milliseconds: steadier than wall time on a busy machine. */
static double
main_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
finish (Benchmark *bench)
{
  g_signal_handler_disconnect (bench->clock, bench->after_paint);
  g_signal_handler_disconnect (bench->clock, bench->before_paint);
  printf ("%s peak-rss-kib=%ld\n", bench->report->str, peak_rss_kib ());
  fflush (stdout);
  g_string_free (bench->report, TRUE);
  g_free (bench->mode);
  gtk_window_destroy (bench->window);
  g_free (bench);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static RaadFacebookPage *
find_page (Benchmark *bench)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (bench->window), RAAD_TYPE_FACEBOOK_PAGE);

  return page != NULL ? RAAD_FACEBOOK_PAGE (page) : NULL;
}

/* Every card in view is there (TRUE on pages without cards: the welcome page). */
static gboolean
view_complete (Benchmark *bench)
{
  RaadFacebookPage *page = find_page (bench);

  return page == NULL || raad_facebook_page_get_view_complete (page);
}

/* One page further per frame; TRUE at the end. */
static gboolean
scroll_step (Benchmark *bench)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (bench->window), RAAD_TYPE_FACEBOOK_PAGE);
  GtkWidget *scrolled = page != NULL ? find_descendant (page, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adj;
  double value;

  if (scrolled == NULL)
    return TRUE;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adj);
  if (value + gtk_adjustment_get_page_size (adj) >= gtk_adjustment_get_upper (adj) - 1)
    return TRUE;
  gtk_adjustment_set_value (adj, value + gtk_adjustment_get_page_size (adj));
  return FALSE;
}

static void
search_step (Benchmark *bench)
{
  RaadFacebookState *state = raad_facebook_page_get_state (find_page (bench));

  bench->step_start = g_get_monotonic_time ();
  raad_facebook_state_set_search (state, searches[bench->step]);
  bench->step_sync_us = g_get_monotonic_time () - bench->step_start;
  bench->step_frames_us = 0;
  bench->step_frames = 0;
  bench->waiting_for_paint = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static void
on_after_paint (GdkFrameClock *clock,
                Benchmark     *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->frames++ > 0 && now - bench->last_paint > bench->max_frame_us)
    bench->max_frame_us = now - bench->last_paint;
  bench->last_paint = now;

  if (g_str_equal (bench->mode, "first-frame"))
    {
      if (!view_complete (bench))
        {
          gtk_widget_queue_draw (GTK_WIDGET (bench->window));
          return;
        }
      g_string_append_printf (bench->report, "first-frame frames=%u cpu-ms=%.1f", bench->frames,
                              main_thread_cpu_ms ());
      finish (bench);
      return;
    }

  if (g_str_equal (bench->mode, "scroll"))
    {
      /* Let the first view settle (photos decode lazily) before timing frames. */
      if (bench->frames < 3)
        bench->max_frame_us = 0;
      if (bench->frames > 2 && scroll_step (bench))
        {
          g_string_append_printf (bench->report, "scroll frames=%u max-frame-ms=%.1f",
                                  bench->frames, bench->max_frame_us / 1000.0);
          finish (bench);
          return;
        }
      gtk_widget_queue_draw (GTK_WIDGET (bench->window));
      return;
    }

  if (g_str_equal (bench->mode, "search"))
    {
      /* Typing starts once the face-book has settled: cards built, search rows read. */
      if (!bench->settled)
        {
          RaadFacebookPage *page = find_page (bench);

          bench->settled = bench->frames >= 3 && page != NULL
                           && !raad_facebook_page_get_loading (page) && view_complete (bench);
          gtk_widget_queue_draw (GTK_WIDGET (bench->window));
          if (!bench->settled)
            return;
        }
      if (bench->waiting_for_paint)
        {
          /* What the keystroke costs: the work done when the text changes (query, models,
           * widgets) plus the work of the frames until one shows the whole result in view
           * (updates, layout and paint), not the waits for them. */
          bench->step_frames_us += now - bench->frame_start;
          bench->step_frames++;
          if (!view_complete (bench))
            {
              gtk_widget_queue_draw (GTK_WIDGET (bench->window));
              return;
            }
          g_string_append_printf (bench->report, " search[%s]=%.2f+%.2f/%u",
                                  searches[bench->step], bench->step_sync_us / 1000.0,
                                  bench->step_frames_us / 1000.0, bench->step_frames);
          bench->waiting_for_paint = FALSE;
          bench->step++;
        }
      if (searches[bench->step] == NULL)
        {
          finish (bench);
          return;
        }
      search_step (bench);
      return;
    }

  g_printerr ("Unknown benchmark “%s”\n", bench->mode);
  finish (bench);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Benchmark     *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
on_map (GtkWidget *window,
        Benchmark *bench)
{
  bench->clock = gtk_widget_get_frame_clock (window);
  bench->before_paint = g_signal_connect (bench->clock, "before-paint",
                                          G_CALLBACK (on_before_paint), bench);
  bench->after_paint = g_signal_connect (bench->clock, "after-paint",
                                         G_CALLBACK (on_after_paint), bench);
}

void
raad_benchmark_start (GtkWindow  *window,
                      const char *mode)
{
  Benchmark *bench = g_new0 (Benchmark, 1);

  bench->window = window;
  bench->mode = g_strdup (mode);
  bench->report = g_string_new (g_str_equal (mode, "search") ? "search" : NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_map), bench);
}
