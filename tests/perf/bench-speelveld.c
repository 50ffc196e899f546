/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-speelveld.c: the playing field's first frame and a drag frame, in a real window */

/* Prints figures and their ratio to the goals of issue 5; it asserts nothing about time.
 * A council with 60 parties and 5,000 contacts is written into a real store file, and the
 * real window opens on it in this process. (a) Switching to the Speelveld page: from the
 * switch to the end of the first frame painted with the page on screen (the frame clock's
 * "after-paint"), a second after the window's first frame (the page reads the store and makes
 * its tiles in an idle then, so the first switch lays them out and paints). Before every switch a contact is logged while the page is hidden, so that
 * each switch reads the store again (the page only marks itself stale while hidden).
 * (b) A drag: the pointer gesture's work, one step per frame for 100 frames; a frame's time
 * is from its "before-paint" to its "after-paint" plus the synchronous step before it (the
 * wait for the frame clock's next tick is not work and is left out).
 * Under `valgrind --tool=callgrind --instr-atstart=no` it counts instructions, which do not
 * depend on the machine's load: one dump for the first switch, one for the second, one for
 * all drag frames (fewer switches and drag steps then, as valgrind is slow). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

#include "raad-application.h"
#include "raad-council.h"
#include "raad-speelveld.h"
#include "raad-speelveld-page.h"
#include "raad-speelveld-page-private.h"
#include "raad-window.h"

#define N_PARTIES   60
#define N_CONTACTS  5000
#define N_SWITCHES  15
#define N_DRAG      100

typedef struct
{
  gboolean painted;
  gint64   before_paint;
  gint64   layout;        /* the end of the frame's layout phase (GTK's handler runs first) */
  gint64   paint;         /* the end of its paint phase: snapshot and render */
  gint64   after_paint;
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->before_paint = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Frame         *frame)
{
  frame->layout = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          Frame         *frame)
{
  frame->paint = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->after_paint = g_get_monotonic_time ();
  frame->painted = TRUE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for_frame (Frame *frame)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so that the deadline is seen when no frame comes. */
  guint wake = g_timeout_add (100, wake_cb, NULL);

  while (!frame->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return frame->painted;
}

static void
drain (void)
{
  for (guint i = 0; i < 10000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
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
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static char *
generate (RaadStore *store)
{
  static const char * const relations[] = { "good", "neutral", "strained" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RaadCouncil) council = raad_council_new (store);
  g_autoptr(GError) error = NULL;
  const char * const *categories = raad_speelveld_categories ();
  const char * const *rights = raad_speelveld_rights ();
  const char * const *kinds = raad_speelveld_contact_kinds ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char *council_id;

  if (!raad_store_begin (store, &error))
    g_error ("%s", error->message);
  g_object_set (council, "name", "Centrale Cliëntenraad Benchmark", "kind", "central", NULL);
  if (!raad_record_save (RAAD_RECORD (council), &error))
    g_error ("%s", error->message);
  council_id = g_strdup (raad_record_get_id (RAAD_RECORD (council)));

  for (guint i = 0; i < N_PARTIES; i++)
    {
      g_autoptr(RaadStakeholder) party = raad_stakeholder_new (store);
      g_autofree char *name = g_strdup_printf ("Partij %02u van het speelveld", i + 1);
      g_autofree char *person = g_strdup_printf ("Contactpersoon %u", i + 1);

      g_object_set (party,
                    "council-id", council_id,
                    "name", name,
                    "category", categories[i % 12],
                    "contact-person", person,
                    "interests", "Goede zorg, voldoende personeel.",
                    "influence", (guint) g_rand_int_range (rand, 1, 6),
                    "interest", (guint) g_rand_int_range (rand, 1, 6),
                    "relation", relations[g_rand_int_range (rand, 0, 3)],
                    "formal-right", rights[g_rand_int_range (rand, 0, 5)],
                    "rhythm-months", (guint) g_rand_int_range (rand, 0, 13),
                    NULL);
      if (!raad_record_save (RAAD_RECORD (party), &error))
        g_error ("%s", error->message);
      g_ptr_array_add (parties, g_steal_pointer (&party));
    }
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      RaadRecord *party = parties->pdata[g_rand_int_range (rand, 0, N_PARTIES)];
      g_autoptr(RaadContact) contact = raad_contact_new (store);
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -g_rand_int_range (rand, 1, 1100));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      g_object_set (contact,
                    "council-id", council_id,
                    "stakeholder-id", raad_record_get_id (party),
                    "date", date,
                    "kind", kinds[g_rand_int_range (rand, 0, 6)],
                    "participants", "Voorzitter, secretaris",
                    "summary", "Overleg over de begroting en het werkplan.",
                    NULL);
      if (!raad_record_save (RAAD_RECORD (contact), &error))
        g_error ("%s", error->message);
    }
  if (!raad_store_commit (store, &error))
    g_error ("%s", error->message);
  return council_id;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("raadswerk-bench-speelveld-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "raadswerk.db", NULL);
  g_autofree char *council_id = NULL;
  g_autoptr(RaadStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  RaadApplication *app;
  RaadWindow *window;
  AdwViewStack *stack;
  RaadSpeelveldPage *page;
  RaadStakeholderMap *map;
  GdkFrameClock *clock;
  Frame frame;
  double switches[N_SWITCHES], syncs[N_SWITCHES], drags[N_DRAG], drag_syncs[N_DRAG];
  gint64 start;
  double first, m, mean_sync;
  guint n_drags = 0;
  guint n_switches = RUNNING_ON_VALGRIND ? 3 : N_SWITCHES;
  guint n_drag_steps = RUNNING_ON_VALGRIND ? 20 : N_DRAG;
  const char *party_id;
  graphene_rect_t bounds;

  gtk_init ();
  adw_init ();

  store = raad_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  council_id = generate (store);
  printf ("# generated %d parties and %d contacts in %.1f s\n", N_PARTIES, N_CONTACTS,
          (g_get_monotonic_time () - start) / 1e6);

  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "current-council", council_id);
  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  window = raad_window_new (app, store);
  raad_window_set_fixed_size (window, 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  /* As the app does after its first frame, before the page is switched to. */
  raad_window_ensure_pages (window);
  page = RAAD_SPEELVELD_PAGE (find_widget (GTK_WIDGET (window), RAAD_TYPE_SPEELVELD_PAGE));
  map = _raad_speelveld_page_get_map (page);
  adw_view_stack_set_visible_child_name (stack, "meetings");

  /* Settle the window on another page. */
  memset (&frame, 0, sizeof frame);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frame);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frame);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  for (int i = 0; i < 3; i++)
    {
      frame.painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame (&frame);
      drain ();
    }

  /* A second for what the window does after its first frame, as a user takes to reach for
   * the page switcher (the page prepares its tiles then). */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    drain ();
  }
  parties = raad_speelveld_list_parties (store, council_id);
  {
    /* On a second connection, so that the window's store stays cold. */
    g_autoptr(RaadStore) other = raad_store_open (path, NULL);
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(GPtrArray) again = raad_speelveld_list_parties (other, council_id);
    gint64 t1 = g_get_monotonic_time ();
    g_autoptr(GHashTable) last = raad_speelveld_last_contacts (other, council_id);
    gint64 t2 = g_get_monotonic_time ();

    printf ("# store: the parties %.2f ms, the last contact of each %.2f ms (kept afterwards)\n",
            (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
  }

  /* (a) Switch to the page, which reads the store again each time; the first switch reads
   * the contact log whole, as after starting the app. */
  for (guint i = 0; i < n_switches; i++)
    {
      g_autoptr(RaadContact) contact = NULL;
      gint64 t0, t1;

      adw_view_stack_set_visible_child_name (stack, "meetings");
      frame.painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame (&frame);
      drain ();
      if (i > 0)
        {
          contact = raad_speelveld_log_contact (parties->pdata[i % parties->len], "2026-01-05",
                                                "call", NULL, "Even gebeld.", NULL, &error);
          if (contact == NULL)
            g_error ("%s", error->message);
          drain ();
        }

      frame.painted = FALSE;
      if (i < 2)
        CALLGRIND_START_INSTRUMENTATION;
      t0 = g_get_monotonic_time ();
      adw_view_stack_set_visible_child_name (stack, "playing-field");
      t1 = g_get_monotonic_time ();
      if (!wait_for_frame (&frame) || !gtk_widget_get_mapped (GTK_WIDGET (map)))
        g_error ("the page was not painted");
      if (i < 2)
        {
          CALLGRIND_STOP_INSTRUMENTATION;
          CALLGRIND_DUMP_STATS_AT (i == 0 ? "first switch" : "second switch");
        }
      switches[i] = (frame.after_paint - t0) / 1000.0;
      if (i < 2)
        printf ("# switch %u: %.2f ms to the frame's start, layout %.2f ms, paint (snapshot and "
                "render) %.2f ms, after it %.2f ms\n", i + 1, (frame.before_paint - t0) / 1000.0,
                (frame.layout - frame.before_paint) / 1000.0, (frame.paint - frame.layout) / 1000.0,
                (frame.after_paint - frame.paint) / 1000.0);
      syncs[i] = (t1 - t0) / 1000.0;
      drain ();
    }
  first = switches[0];
  mean_sync = 0;
  for (guint i = 1; i < n_switches; i++)
    mean_sync += syncs[i] / (n_switches - 1);
  m = median (switches + 1, n_switches - 1);
  printf ("switch to the Speelveld page (%d parties, %d contacts) until its first frame is painted\n",
          N_PARTIES, N_CONTACTS);
  printf ("  first                %7.2f ms  %.2f× the goal of 50 ms (of which %.2f ms synchronous)\n",
          first, first / 50, syncs[0]);
  printf ("  median of %2d others  %7.2f ms  %.2f× the goal of 50 ms (of which %.2f ms synchronous: "
          "the store read and the widgets)\n", n_switches - 1, m, m / 50, mean_sync);

  /* (b) A drag of one party across the map, a step per frame. */
  party_id = raad_record_get_id (parties->pdata[0]);
  if (!gtk_widget_compute_bounds (raad_stakeholder_map_get_tile (map, party_id), GTK_WIDGET (map), &bounds))
    g_error ("no tile");
  for (guint i = 0; i < n_drag_steps; i++)
    {
      gint64 t0, t1;

      /* The first step begins the drag (the tile comes to the top): only the later ones. */
      if (i == 1)
        CALLGRIND_START_INSTRUMENTATION;
      frame.painted = FALSE;
      t0 = g_get_monotonic_time ();
      raad_stakeholder_map_drag_to (map, party_id,
                                    bounds.origin.x + bounds.size.width / 2 + 3.0 * i,
                                    bounds.origin.y + bounds.size.height / 2 + 2.0 * i);
      t1 = g_get_monotonic_time ();
      if (!wait_for_frame (&frame))
        g_error ("no frame during the drag");
      drag_syncs[n_drags] = (t1 - t0) / 1000.0;
      drags[n_drags++] = (frame.after_paint - frame.before_paint + (t1 - t0)) / 1000.0;
      drain ();
    }
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS_AT ("drag frames");
  if (!raad_stakeholder_map_drag_end (map, &error))
    g_error ("%s", error->message);
  m = median (drags, n_drags);
  qsort (drags, n_drags, sizeof (double), compare_doubles);
  printf ("drag a party across the map, %u frames (synchronous step + the frame's work)\n", n_drags);
  printf ("  median %7.2f ms  %.2f× the goal of 8 ms;  90th percentile %.2f ms;  step alone "
          "median %.3f ms\n", m, m / 8, drags[n_drags * 9 / 10], median (drag_syncs, n_drags));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_object_unref (app);
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
