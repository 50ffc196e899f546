/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-signals.c: the constituency page and its theme chart with 10,000 signals, to the painted frame */

/* Prints figures and their ratio to the goals (the theme chart under 50 ms; the page: nothing on
 * the main thread longer than a frame, 16 ms); it asserts nothing about time. A real store file gets 10,000 signals of one council over the last three years
 * (12 themes, 6 locations; plus 2,000 of another council that must not count). In-process,
 * under Xvfb with the cairo renderer: a window holds the chart; each run clears the chart,
 * waits for that frame, then times raad_theme_chart_set_store () up to the frame clock's
 * "after-paint" of the frame showing the new chart (the synchronous part — the SQL, the
 * resize — and the frame). The same for a filter change and for a store change (a signal
 * saved: the store's signal, the idle refresh, the frame), and the stats query alone.
 *
 * Then the real window opens on the same store in this process, on the constituency page's
 * council, and times what a user does there: switching to the page (its first frame), a signal
 * saved elsewhere (the store's "changed"), a filter change, and logging a signal through the
 * page's form. Each figure runs from the start of the step to the frame clock's "after-paint"
 * of the frame that shows it; beside it, what the main thread did in the 400 ms from the start
 * (its time outside poll (), through a wrapped poll function): in all, and its longest single
 * stretch, which is what a user feels as a stall.
 * With --screenshots DIR it also saves the chart at 1280 and 360 px wide, at 360 px with large
 * text, and the example organisation's at 360 px. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "raad-application.h"
#include "raad-demo.h"
#include "raad-screenshot.h"
#include "raad-signal-stats.h"
#include "raad-signals.h"
#include "raad-signals-page.h"
#include "raad-signals-page-private.h"
#include "raad-store.h"
#include "raad-theme-chart.h"
#include "raad-window.h"

#define RUNS       15
#define N_SIGNALS  10000
#define N_OTHER    2000
#define COUNCIL    "council-bench"
#define OTHER      "council-other"
#define GOAL_MS    50.0
#define FRAME_MS   16.0
#define WATCH_MS   400

static const char * const themes[] = {
  "Eten en drinken", "Personeel", "Communicatie", "Activiteiten", "Schoonmaak", "Veiligheid",
  "Dagbesteding", "Wonen", "Zorgplan", "Vervoer", "Bezoek", "Medicatie",
};
static const char * const locations[] = {
  "De Linde", "Rozengaard", "Lindehof", "Het Veerhuis", "Vijverhof", "De Meerkoet",
};
static const char * const sources[] = {
  "living-room", "department-meeting", "exit-visit", "survey", "email", "mystery-guest", "other",
};
static const char * const statuses[] = { "new", "on-agenda", "handled", "feedback-given" };

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
  g_autofree double *copy = g_memdup2 (values, n * sizeof *values);

  qsort (copy, n, sizeof *copy, compare_doubles);
  return n % 2 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
}

static void
put_json (RaadStore  *store,
          const char *id,
          const char *type,
          const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *rev = NULL;

  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("%s", error->message);
  rev = raad_store_put (store, id, type, NULL, json_node_get_object (json_parser_get_root (parser)),
                        &error);
  if (rev == NULL)
    g_error ("%s", error->message);
}

static void
put_signal (RaadStore  *store,
            GRand      *rand,
            const char *council_id,
            guint       n,
            GDate      *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("signal-%s-%05u", council_id, n);
  g_autofree char *rev = NULL;
  GDate date = *today;
  char received[16], due[16];
  const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
  /* Themes neither equally common nor equally spread: the first ones come up most. */
  guint theme = MIN (g_rand_int_range (rand, 0, 12), g_rand_int_range (rand, 0, 14)) % 12;

  g_date_subtract_days (&date, g_rand_int_range (rand, 0, 3 * 365));
  g_date_strftime (received, sizeof received, "%Y-%m-%d", &date);
  g_date_add_days (&date, 60);
  g_date_strftime (due, sizeof due, "%Y-%m-%d", &date);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "council_id");
  json_builder_add_string_value (builder, council_id);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, "council");
  json_builder_set_member_name (builder, "received");
  json_builder_add_string_value (builder, received);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))]);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, locations[g_rand_int_range (rand, 0, G_N_ELEMENTS (locations))]);
  json_builder_set_member_name (builder, "theme");
  json_builder_add_string_value (builder, themes[theme]);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "Bewoners merken op dat de warme maaltijd op de afdeling vaak lauw is en vragen of de keuken dat kan oplossen.");
  json_builder_set_member_name (builder, "raised_by_kind");
  json_builder_add_string_value (builder, "group");
  json_builder_set_member_name (builder, "raised_by");
  json_builder_add_string_value (builder, "Bewoners van de afdeling");
  json_builder_set_member_name (builder, "feedback_owed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "feedback_due");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  if (g_str_equal (status, "handled") || g_str_equal (status, "feedback-given"))
    {
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, "Besproken met de locatiemanager; de keuken levert in warmhoudkarren.");
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  rev = raad_store_put (store, id, "signal", NULL, json_node_get_object (root), &error);
  if (rev == NULL)
    g_error ("%s", error->message);
}

static void
ensure_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  store = raad_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  start = g_get_monotonic_time ();
  if (!raad_store_begin (store, &error))
    g_error ("%s", error->message);
  put_json (store, "organisation", "organisation", "{\"name\": \"Zorggroep De Proefbank\"}");
  put_json (store, COUNCIL, "council",
            "{\"name\": \"Lokale raad De Proefbank\", \"kind\": \"local\"}");
  put_json (store, OTHER, "council", "{\"name\": \"Lokale raad Elders\", \"kind\": \"local\"}");
  for (guint i = 0; i < N_SIGNALS; i++)
    put_signal (store, rand, COUNCIL, i, &today);
  for (guint i = 0; i < N_OTHER; i++)
    put_signal (store, rand, OTHER, i, &today);
  if (!raad_store_commit (store, &error))
    g_error ("%s", error->message);
  printf ("# generated %d signals of one council (+%d of another) over 3 years in %.1f s\n",
          N_SIGNALS, N_OTHER, (g_get_monotonic_time () - start) / 1e6);
}

/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget *window;
  GtkWidget *chart;
  gint64     painted_at;
  gboolean   painted;
} Bench;

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->painted)
    return;
  bench->painted = TRUE;
  bench->painted_at = g_get_monotonic_time ();
}

static void
wait_for_paint (Bench *bench)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!bench->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!bench->painted)
    g_error ("No frame was painted within 10 s");
}

/* Lets the frame of whatever happened before be painted, so a run starts from rest. */
static void
settle (Bench *bench)
{
  bench->painted = FALSE;
  gtk_widget_queue_draw (bench->chart);
  wait_for_paint (bench);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static Bench *
make_window (int width,
             int height)
{
  Bench *bench = g_new0 (Bench, 1);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  bench->window = gtk_window_new ();
  bench->chart = raad_theme_chart_new ();
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_vexpand (bench->chart, TRUE);
  gtk_box_append (GTK_BOX (box), bench->chart);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (bench->window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), width, height);
  gtk_window_present (GTK_WINDOW (bench->window));
  while (!gtk_widget_get_mapped (bench->window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (bench->window), "after-paint",
                    G_CALLBACK (after_paint_cb), bench);
  settle (bench);
  return bench;
}

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!raad_screenshot_save_finish (result, &error))
    g_warning ("Screenshot failed: %s", error->message);
  *done = TRUE;
}

static void
save_screenshot (RaadStore  *store,
                 const char *council_id,
                 int         width,
                 const char *path)
{
  Bench *bench = make_window (width, 800);
  gboolean done = FALSE;

  raad_theme_chart_set_store (RAAD_THEME_CHART (bench->chart), store, council_id);
  settle (bench);
  raad_screenshot_save_async (bench->window, path, NULL, screenshot_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  printf ("# screenshot %s\n", path);
  gtk_window_destroy (GTK_WINDOW (bench->window));
  g_free (bench);
}

/* ---------------------------------------------------------------- the page in the window -- */

/* The main thread's work: the time between poll () returning and being called again. */
static GPollFunc default_poll;
static gint64    left_poll;
static double    busy_total, busy_longest;

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int ret;

  if (left_poll != 0)
    {
      double stretch = (now - left_poll) / 1e3;

      busy_total += stretch;
      busy_longest = MAX (busy_longest, stretch);
    }
  ret = default_poll (fds, n_fds, timeout);
  left_poll = g_get_monotonic_time ();
  return ret;
}

typedef struct
{
  double *paint;     /* start → the frame showing the step */
  double *sync;      /* the synchronous call alone */
  double *busy;      /* main-thread work in WATCH_MS */
  double *longest;   /* its longest stretch */
  guint   n;
} Figures;

static Figures *
figures_new (void)
{
  Figures *f = g_new0 (Figures, 1);

  f->paint = g_new0 (double, RUNS);
  f->sync = g_new0 (double, RUNS);
  f->busy = g_new0 (double, RUNS);
  f->longest = g_new0 (double, RUNS);
  return f;
}

static void
figures_free (Figures *f)
{
  g_free (f->paint);
  g_free (f->sync);
  g_free (f->busy);
  g_free (f->longest);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

static void
drain (void)
{
  for (guint i = 0; i < 10000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Lets everything before settle: a painted frame, then 300 ms of main loop. */
static void
settle_window (Bench *bench)
{
  gint64 until;

  bench->painted = FALSE;
  gtk_widget_queue_draw (bench->window);
  wait_for_paint (bench);
  until = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  drain ();
}

static void
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
step_begin (Bench  *bench,
            gint64 *start)
{
  bench->painted = FALSE;
  busy_total = 0;
  busy_longest = 0;
  *start = g_get_monotonic_time ();
  left_poll = *start;
}

/* After the step's synchronous call: its frame, then the rest of WATCH_MS. */
static void
step_end (Bench   *bench,
          Figures *f,
          gint64   start,
          gint64   returned)
{
  gint64 until;
  guint i = f->n++;

  wait_for_paint (bench);
  /* The watch lasts WATCH_MS, or to the frame when that came later. */
  until = MAX (start + WATCH_MS * 1000, bench->painted_at);
  f->paint[i] = (bench->painted_at - start) / 1e3;
  f->sync[i] = (returned - start) / 1e3;
  if (g_get_monotonic_time () < until)
    {
      gboolean over = FALSE;

      g_timeout_add_once (MAX ((until - g_get_monotonic_time ()) / 1000, 1), set_true_cb, &over);
      while (!over)
        g_main_context_iteration (NULL, TRUE);
    }
  f->busy[i] = busy_total;
  f->longest[i] = busy_longest;
  left_poll = 0;
}

static void
print_page_figure (const char *what,
                   Figures    *f,
                   guint       from)
{
  guint n = f->n - from;
  double paint = median (f->paint + from, n), sync = median (f->sync + from, n);
  double longest = median (f->longest + from, n), busy = median (f->busy + from, n);

  printf ("  %-40s median of %2u: %7.2f ms to the frame (%.2f ms synchronous)  %.2f× 16 ms;"
          " longest stretch %6.2f ms (%.2f× 16 ms), main thread %.2f ms in the step (at least %d ms)\n",
          what, n, paint, sync, paint / FRAME_MS, longest, longest / FRAME_MS, busy, WATCH_MS);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_field (GtkWidget  *page,
           const char *name,
           const char *text)
{
  GtkWidget *widget = find_widget (page, ADW_TYPE_ENTRY_ROW, name);

  if (widget == NULL)
    widget = find_widget (page, GTK_TYPE_ENTRY, name);
  if (widget == NULL)
    g_error ("no field %s", name);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
bench_page (RaadStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(Figures) f_switch = figures_new ();
  g_autoptr(Figures) f_change = figures_new ();
  g_autoptr(Figures) f_filter = figures_new ();
  g_autoptr(Figures) f_log = figures_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RaadApplication *app;
  RaadWindow *window;
  AdwViewStack *stack;
  GtkWidget *page;
  GtkDropDown *filter;
  Bench bench = { 0, };
  GDate today;
  gint64 start, returned;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

  /* The page's queries alone. */
  {
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(GPtrArray) ids = raad_signals_list_ids (store, COUNCIL, NULL, NULL, day);
    gint64 t1 = g_get_monotonic_time ();
    guint n_overdue = 0;
    guint n = raad_signals_count (store, COUNCIL, NULL, NULL, day, &n_overdue);
    gint64 t2 = g_get_monotonic_time ();
    g_auto(GStrv) values = raad_signals_list_values (store, COUNCIL, "location");
    gint64 t3 = g_get_monotonic_time ();
    g_autoptr(GPtrArray) some = raad_signals_list_ids (store, COUNCIL, locations[0], NULL, day);
    gint64 t4 = g_get_monotonic_time ();

    printf ("# store: the ordered ids %.2f ms (%u), the counts %.2f ms (%u, %u overdue), "
            "the locations %.2f ms, the ids of one location %.2f ms (%u)\n",
            (t1 - t0) / 1e3, ids->len, (t2 - t1) / 1e3, n, n_overdue, (t3 - t2) / 1e3,
            (t4 - t3) / 1e3, some->len);
  }

  g_settings_set_string (settings, "current-council", COUNCIL);
  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  window = raad_window_new (app, store);
  printf ("# the window made with the store in %.2f ms\n", (g_get_monotonic_time () - start) / 1e3);
  raad_window_set_fixed_size (window, 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bench.window = GTK_WIDGET (window);
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  /* As the app does after its first frame, before the page is switched to. */
  raad_window_ensure_pages (window);
  page = find_widget (GTK_WIDGET (window), RAAD_TYPE_SIGNALS_PAGE, NULL);
  filter = _raad_signals_page_get_filter (RAAD_SIGNALS_PAGE (page), "location");
  adw_view_stack_set_visible_child_name (stack, "meetings");
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  settle_window (&bench);

  /* (a) Switching to the page: from another page to the first frame with it on screen. */
  for (guint i = 0; i < RUNS; i++)
    {
      adw_view_stack_set_visible_child_name (stack, "meetings");
      settle_window (&bench);
      step_begin (&bench, &start);
      adw_view_stack_set_visible_child_name (stack, "constituency");
      returned = g_get_monotonic_time ();
      step_end (&bench, f_switch, start, returned);
      if (!gtk_widget_get_mapped (page))
        g_error ("the page is not on screen");
    }

  /* (b) A signal saved elsewhere, with the page on screen. */
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + i);

      settle_window (&bench);
      step_begin (&bench, &start);
      put_signal (store, rand, COUNCIL, N_SIGNALS + 200000 + i, &today);
      returned = g_get_monotonic_time ();
      step_end (&bench, f_change, start, returned);
    }

  /* (c) A filter change: one location, then all again. */
  for (guint i = 0; i < RUNS; i++)
    {
      settle_window (&bench);
      step_begin (&bench, &start);
      gtk_drop_down_set_selected (filter, i % 2 == 0 ? 1 + i / 2 % G_N_ELEMENTS (locations) : 0);
      returned = g_get_monotonic_time ();
      step_end (&bench, f_filter, start, returned);
    }
  gtk_drop_down_set_selected (filter, 0);

  /* (d) Logging a signal through the form: the Save action, as Ctrl+S. */
  for (guint i = 0; i < RUNS; i++)
    {
      gtk_widget_activate_action (page, "signals.new", NULL);
      set_field (page, "location", locations[i % G_N_ELEMENTS (locations)]);
      set_field (page, "theme", themes[i % G_N_ELEMENTS (themes)]);
      set_field (page, "text", "Bewoners vragen om een later ontbijt in het weekend.");
      settle_window (&bench);
      step_begin (&bench, &start);
      if (!gtk_widget_activate_action (page, "signals.save", NULL))
        g_error ("no signals.save");
      returned = g_get_monotonic_time ();
      step_end (&bench, f_log, start, returned);
      if (_raad_signals_page_get_signal (RAAD_SIGNALS_PAGE (page)) == NULL)
        g_error ("the signal was not logged");
    }

  printf ("the constituency page, %d signals, window 1280×800 (goal: nothing over a frame, %.0f ms)\n",
          N_SIGNALS, FRAME_MS);
  printf ("  switch to the page, first time          %7.2f ms to the frame (%.2f ms synchronous);"
          " longest stretch %6.2f ms\n", f_switch->paint[0], f_switch->sync[0], f_switch->longest[0]);
  print_page_figure ("switch to the page, again", f_switch, 1);
  print_page_figure ("a signal saved elsewhere", f_change, 0);
  print_page_figure ("a filter change", f_filter, 0);
  print_page_figure ("a signal logged through the form", f_log, 0);
  fflush (stdout);

  g_main_context_set_poll_func (NULL, default_poll);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_object_unref (app);
}

static void
print_figure (const char *what,
              double     *values,
              double     *sync,
              guint       n)
{
  double m = median (values, n);

  if (sync != NULL)
    printf ("%-44s median of %u: %7.2f ms (%.2f ms synchronous)  %.2f× the goal of %.0f ms\n",
            what, n, m, median (sync, n), m / GOAL_MS, GOAL_MS);
  else
    printf ("%-44s median of %u: %7.2f ms  %.2f× the goal of %.0f ms\n", what, n, m,
            m / GOAL_MS, GOAL_MS);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = "perf-data";
  const char *shots = NULL;
  gboolean page_only = FALSE;
  g_autofree char *db = NULL;
  g_autofree char *run_db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStore) store = NULL;
  double t_query[RUNS], t_open[RUNS], s_open[RUNS], t_filter[RUNS], s_filter[RUNS];
  double t_change[RUNS];
  double first_open = 0, first_open_sync = 0;
  Bench *bench;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--screenshots") && i + 1 < argc)
        shots = argv[++i];
      else if (g_str_equal (argv[i], "--page-only"))
        page_only = TRUE;
      else
        dir = argv[i];
    }

  gtk_init ();
  adw_init ();
  g_mkdir_with_parents (dir, 0700);
  db = g_build_filename (dir, "signals-10000.db", NULL);
  ensure_database (db);
  /* The runs save signals: they go into a copy, so every run starts from the same file. */
  run_db = g_build_filename (dir, "signals-10000-run.db", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (db);
    g_autoptr(GFile) to = g_file_new_for_path (run_db);

    if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
  }
  store = raad_store_open (run_db, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  if (page_only)
    {
      bench_page (store);
      return 0;
    }

  /* The stats query alone (what the chart runs: the last eight quarters). */
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RaadSignalStats) stats = raad_signal_stats_query (store, COUNCIL, NULL, NULL,
                                                                  NULL, NULL, &error);

      t_query[i] = (g_get_monotonic_time () - start) / 1e3;
      if (stats == NULL)
        g_error ("%s", error->message);
      if (i == 0)
        printf ("# %u signals counted in %u quarters × %u themes\n",
                raad_signal_stats_get_total (stats), raad_signal_stats_get_n_quarters (stats),
                raad_signal_stats_get_n_themes (stats));
    }

  bench = make_window (1280, 800);

  /* set_store → first painted frame of the new chart. */
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start, returned;

      raad_theme_chart_set_store (RAAD_THEME_CHART (bench->chart), NULL, NULL);
      settle (bench);
      bench->painted = FALSE;
      start = g_get_monotonic_time ();
      raad_theme_chart_set_store (RAAD_THEME_CHART (bench->chart), store, COUNCIL);
      returned = g_get_monotonic_time ();
      wait_for_paint (bench);
      t_open[i] = (bench->painted_at - start) / 1e3;
      s_open[i] = (returned - start) / 1e3;
      if (i == 0)
        {
          first_open = t_open[i];
          first_open_sync = s_open[i];
        }
    }

  /* A filter change → its frame. */
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start, returned;

      settle (bench);
      bench->painted = FALSE;
      start = g_get_monotonic_time ();
      raad_theme_chart_set_filter (RAAD_THEME_CHART (bench->chart),
                                   i % 2 == 0 ? locations[i % G_N_ELEMENTS (locations)] : NULL,
                                   NULL);
      returned = g_get_monotonic_time ();
      wait_for_paint (bench);
      t_filter[i] = (bench->painted_at - start) / 1e3;
      s_filter[i] = (returned - start) / 1e3;
    }
  raad_theme_chart_set_filter (RAAD_THEME_CHART (bench->chart), NULL, NULL);

  /* A signal saved → the store's change, the idle refresh, the frame. */
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (i);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;
      gint64 start;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      settle (bench);
      bench->painted = FALSE;
      start = g_get_monotonic_time ();
      put_signal (store, rand, COUNCIL, N_SIGNALS + 100000 + g_rand_int_range (rand, 0, 1 << 30), &today);
      wait_for_paint (bench);
      t_change[i] = (bench->painted_at - start) / 1e3;
    }

  printf ("theme chart, %d signals (goal: under %.0f ms)\n", N_SIGNALS, GOAL_MS);
  print_figure ("  stats query alone", t_query, NULL, RUNS);
  printf ("  set_store to first painted frame, first run   %7.2f ms (%.2f ms synchronous)\n",
          first_open, first_open_sync);
  print_figure ("  set_store to first painted frame", t_open, s_open, RUNS);
  print_figure ("  filter change to painted frame", t_filter, s_filter, RUNS);
  print_figure ("  signal saved to repainted chart", t_change, NULL, RUNS);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (bench->window));
  g_free (bench);

  bench_page (store);

  if (shots != NULL)
    {
      g_autofree char *wide = g_build_filename (shots, "theme-chart-1280.png", NULL);
      g_autofree char *narrow = g_build_filename (shots, "theme-chart-360.png", NULL);

      g_autofree char *large = g_build_filename (shots, "theme-chart-360-large-text.png", NULL);

      g_mkdir_with_parents (shots, 0700);
      save_screenshot (store, COUNCIL, 1280, wide);
      save_screenshot (store, COUNCIL, 360, narrow);
      /* Large text (GNOME's accessibility setting: 1.5 × the font size). */
      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
      save_screenshot (store, COUNCIL, 360, large);
      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);

      /* The example organisation: a council with ten signals in the past year. */
      {
        g_autofree char *demo_db = g_build_filename (dir, "signals-demo.db", NULL);
        g_autofree char *demo_path = raad_demo_find_path ();
        g_autofree char *demo_shot = g_build_filename (shots, "theme-chart-demo-360.png", NULL);
        g_autoptr(RaadStore) demo = NULL;

        g_unlink (demo_db);
        demo = raad_store_open (demo_db, &error);
        if (demo == NULL || demo_path == NULL || !raad_demo_load (demo, demo_path, &error))
          g_error ("The example organisation: %s", error != NULL ? error->message : "not found");
        save_screenshot (demo, "council-linde", 360, demo_shot);
      }
    }
  return 0;
}
