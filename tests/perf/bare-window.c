/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the floor the benchmarks compare against: an empty libadwaita window */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static guint frames;
static guint wanted_frames = 1;

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
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  if (++frames < wanted_frames)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  printf ("first-frame cpu-ms=%.1f peak-rss-kib=%ld\n", main_thread_cpu_ms (), peak_rss_kib ());
  fflush (stdout);
  gtk_window_destroy (window);
}

static void
on_map (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.raadswerk.BareWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  if (argc > 1)
    wanted_frames = (guint) MAX (1, atoi (argv[1]));
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
