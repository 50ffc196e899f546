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
 *                query, models, widgets) and the layout and paint of the frame showing it;
 *   agenda       on the meetings page, open meetings in the builder and move one item down
 *                and up again, timing each like a search: the synchronous part and the frame
 *                showing it; for a move also the page's idle refresh after the store's
 *                "changed" and the frame after that, and apart the store write (until the
 *                store announces the change); then a sync: agenda items written through a
 *                second connection to the file, noticed with raad_store_notice_changes, and
 *                the main thread's work until the frame showing the result. The face-book
 *                fills its cards in the background for a while after start-up (a few ms in
 *                every frame, on any page): the agenda figures start once it is done
 *                (RAAD_BENCHMARK_NO_SETTLE=1 starts at once: under valgrind it takes ages). */

#define G_LOG_DOMAIN "raad-benchmark"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "raad-agenda-item.h"
#include "raad-agenda-page-private.h"
#include "raad-benchmark.h"
#include "raad-facebook-page.h"
#include "raad-query.h"
#include "raad-record-list.h"

/* Under valgrind --tool=callgrind, the agenda benchmark dumps the instructions of each phase
 * (opens, moves, the sync refresh) and the search benchmark those of each keystroke with its
 * frames as a part of its own; elsewhere these do nothing. */
#if defined(__has_include)
# if __has_include(<valgrind/callgrind.h>)
#  include <valgrind/callgrind.h>
# endif
#endif
#ifndef CALLGRIND_DUMP_STATS_AT
# define CALLGRIND_DUMP_STATS_AT(name)
# define CALLGRIND_ZERO_STATS
#endif

#define AGENDA_OPENS 12   /* the first is cold */
#define AGENDA_MOVES 21
#define AGENDA_SYNCS 6    /* alternately other meetings' items only, and with the open one's */
#define AGENDA_SYNC_ITEMS 500

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
  double         step_cpu_ms;     /* the main thread's CPU time at the step's start */
  gboolean       waiting_for_paint;
  gboolean       settled;
  gint64         step_frames_us;
  guint          step_frames;
  GString       *report;
  /* agenda */
  int            phase;
  GPtrArray     *meeting_ids;
  char          *moved_id;
  guint          moved_position;
  gint64         after_paint_time;
  RaadAgendaPage *agenda_page;
  gulong         changed_hook;
  gint64         changed_time;
  RaadStore     *other_store;     /* the second connection a sync writes through */
  GPtrArray     *other_ids;       /* agenda items of other meetings */
  GPtrArray     *open_ids;        /* agenda items of the open meeting */
  char         **sync_ids;
} Benchmark;

enum { AGENDA_SETUP, AGENDA_SETTLE, AGENDA_OPEN, AGENDA_MOVE, AGENDA_MOVE_IDLE, AGENDA_MOVE_FOLLOW,
       AGENDA_SYNC, AGENDA_SYNC_IDLE, AGENDA_SYNC_FOLLOW };

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
  g_clear_pointer (&bench->meeting_ids, g_ptr_array_unref);
  if (bench->changed_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("changed", RAAD_TYPE_STORE), bench->changed_hook);
  g_clear_object (&bench->other_store);
  g_clear_pointer (&bench->other_ids, g_ptr_array_unref);
  g_clear_pointer (&bench->open_ids, g_ptr_array_unref);
  g_clear_pointer (&bench->sync_ids, g_strfreev);
  g_free (bench->moved_id);
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

  CALLGRIND_ZERO_STATS;
  bench->step_start = g_get_monotonic_time ();
  raad_facebook_state_set_search (state, searches[bench->step]);
  bench->step_sync_us = g_get_monotonic_time () - bench->step_start;
  bench->step_frames_us = 0;
  bench->step_frames = 0;
  bench->waiting_for_paint = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static RaadAgendaPage *
find_agenda_page (Benchmark *bench)
{
  GtkWidget *page;

  /* Found once: walking the window's widgets each frame would weigh in the profiles. */
  if (bench->agenda_page != NULL)
    return bench->agenda_page;
  page = find_descendant (GTK_WIDGET (bench->window), RAAD_TYPE_AGENDA_PAGE);
  bench->agenda_page = page != NULL ? RAAD_AGENDA_PAGE (page) : NULL;
  return bench->agenda_page;
}

/* The store announced a change: the write is committed (and synced to disk). */
static gboolean
store_changed_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               data)
{
  Benchmark *bench = data;

  if (bench->changed_time == 0)
    bench->changed_time = g_get_monotonic_time ();
  return TRUE;
}

/* Sorts the agenda items of the organisation into the open meeting's and the others'. */
static void
collect_sync_items (Benchmark      *bench,
                    RaadAgendaPage *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadQuery) query = raad_query_new ("agenda_item");
  g_autoptr(RaadRecordList) items = NULL;
  const char *open_id = raad_agenda_page_get_meeting_id (page);
  guint n;

  bench->other_store = raad_store_open (raad_store_get_path (raad_agenda_page_get_store (page)),
                                        &error);
  if (bench->other_store == NULL)
    {
      g_warning ("Cannot open a second connection: %s", error->message);
      return;
    }
  bench->other_ids = g_ptr_array_new_with_free_func (g_free);
  bench->open_ids = g_ptr_array_new_with_free_func (g_free);
  items = raad_record_list_new (bench->other_store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  for (guint i = 0; i < n && bench->other_ids->len < AGENDA_SYNC_ITEMS; i++)
    {
      g_autoptr(RaadRecord) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (g_strcmp0 (raad_record_get_string (item, "meeting-id"), open_id) != 0)
        g_ptr_array_add (bench->other_ids, g_strdup (raad_record_get_id (item)));
    }
  g_clear_object (&items);
  raad_query_where_equals (query, "meeting_id", open_id);
  items = raad_record_list_new (bench->other_store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (bench->open_ids, g_strdup (raad_record_list_get_id (items, i)));
}

/* What a sync does before the main thread hears of it: writes @AGENDA_SYNC_ITEMS items
 * through the other connection in one transaction. Returns the ids written. */
static char **
write_sync_items (Benchmark *bench,
                  gboolean   with_open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n_open = with_open ? bench->open_ids->len : 0;
  guint n_other = MIN (bench->other_ids->len, AGENDA_SYNC_ITEMS - n_open);

  if (!raad_store_begin (bench->other_store, &error))
    goto fail;
  /* The open meeting's last, as a worst case for a page that looks at them one by one. */
  for (guint i = 0; i < n_other + n_open; i++)
    {
      const char *id = i < n_other ? bench->other_ids->pdata[i] : bench->open_ids->pdata[i - n_other];
      g_autoptr(RaadRecord) item = raad_record_load (bench->other_store, id, &error);
      g_autofree char *title = NULL;
      const char *old;

      if (item == NULL)
        goto fail;
      old = raad_record_get_string (item, "title");
      title = g_str_has_suffix (old, " *") ? g_strndup (old, strlen (old) - 2)
                                           : g_strconcat (old, " *", NULL);
      g_object_set (item, "title", title, NULL);
      if (!raad_record_save (item, &error))
        goto fail;
      g_strv_builder_add (ids, id);
    }
  if (!raad_store_commit (bench->other_store, &error))
    goto fail;
  return g_strv_builder_end (ids);

fail:
  raad_store_rollback (bench->other_store);
  g_warning ("The sync's write failed: %s", error->message);
  return NULL;
}

static gboolean
agenda_sync_idle_done_cb (gpointer data)
{
  Benchmark *bench = data;

  g_string_append_printf (bench->report, "+%.2f",
                          (g_get_monotonic_time () - bench->after_paint_time) / 1000.0);
  bench->phase = AGENDA_SYNC_FOLLOW;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

/* A hidden face-book still filling its cards. */
static gboolean
facebook_loading (Benchmark *bench)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (bench->window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = stack != NULL
                    ? adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "facebook") : NULL;

  return page != NULL && RAAD_IS_FACEBOOK_PAGE (page)
         && raad_facebook_page_get_loading (RAAD_FACEBOOK_PAGE (page));
}

/* The position of @item_id among the agenda list's rows, or G_MAXUINT. */
static guint
agenda_row_position (RaadAgendaPage *page,
                     const char     *item_id,
                     GtkListBoxRow **row_out)
{
  GtkListBox *list = _raad_agenda_page_get_agenda_list (page);
  guint i = 0;

  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      RaadAgendaItem *item = _raad_agenda_page_row_get_item (row);

      if (item != NULL && g_strcmp0 (raad_record_get_id (RAAD_RECORD (item)), item_id) == 0)
        {
          if (row_out != NULL)
            *row_out = row;
          return i;
        }
    }
  return G_MAXUINT;
}

static guint
count_rows (RaadAgendaPage *page)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (_raad_agenda_page_get_agenda_list (page), n) != NULL)
    n++;
  return n;
}

/* The first subject (a top-level item that is not a standard one): it moves down and up. */
static void
pick_moved_item (Benchmark      *bench,
                 RaadAgendaPage *page)
{
  GtkListBox *list = _raad_agenda_page_get_agenda_list (page);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      RaadAgendaItem *item = _raad_agenda_page_row_get_item (row);

      if (item != NULL && raad_record_get_string (RAAD_RECORD (item), "parent-id") == NULL
          && raad_record_get_string (RAAD_RECORD (item), "standard") == NULL)
        {
          bench->moved_id = g_strdup (raad_record_get_id (RAAD_RECORD (item)));
          return;
        }
    }
}

static gboolean
agenda_idle_done_cb (gpointer data)
{
  Benchmark *bench = data;

  /* Everything of default idle priority ran: the page's refresh after the store changed. */
  g_string_append_printf (bench->report, "+%.2f",
                          (g_get_monotonic_time () - bench->after_paint_time) / 1000.0);
  bench->phase = AGENDA_MOVE_FOLLOW;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

static void
agenda_step (Benchmark *bench,
             gint64     now)
{
  RaadAgendaPage *page = find_agenda_page (bench);

  switch (bench->phase)
    {
    case AGENDA_SETUP:
      {
        GtkWidget *stack = find_descendant (GTK_WIDGET (bench->window), ADW_TYPE_VIEW_STACK);

        /* The face-book's background filling first (bounded, should it never end). */
        if (bench->step < 3000 && g_getenv ("RAAD_BENCHMARK_NO_SETTLE") == NULL
            && facebook_loading (bench))
          {
            bench->step++;
            break;
          }
        g_string_append_printf (bench->report, " facebook-settle-frames=%u", bench->step);

        if (stack != NULL)
          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "meetings");
        bench->phase = AGENDA_SETTLE;
        bench->step = 0;
        break;
      }

    case AGENDA_SETTLE:
      if (page != NULL && raad_agenda_page_get_council_id (page) != NULL && ++bench->step >= 3)
        {
          g_autoptr(RaadQuery) query = raad_query_new ("meeting");
          g_autoptr(RaadRecordList) meetings = NULL;

          raad_query_where_equals (query, "council_id", raad_agenda_page_get_council_id (page));
          meetings = raad_record_list_new (raad_agenda_page_get_store (page), query);
          bench->meeting_ids = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
            g_ptr_array_add (bench->meeting_ids, g_strdup (raad_record_list_get_id (meetings, i)));
          if (bench->meeting_ids->len == 0)
            {
              g_string_append (bench->report, " no-meetings");
              finish (bench);
              return;
            }
          g_string_append_printf (bench->report, " meetings=%u", bench->meeting_ids->len);
          bench->phase = AGENDA_OPEN;
          bench->step = 0;
          CALLGRIND_ZERO_STATS;
          bench->waiting_for_paint = FALSE;
        }
      break;

    case AGENDA_OPEN:
      if (bench->waiting_for_paint)
        {
          bench->step_frames_us += now - bench->frame_start;
          /* The same in CPU time of the main thread: steadier on a busy machine, without the
           * waits (for the disk, for the X server). */
          g_string_append_printf (bench->report, " open-cpu[%u]=%.2f", bench->step,
                                  main_thread_cpu_ms () - bench->step_cpu_ms);
          g_string_append_printf (bench->report, " open[%u]=%.2f+%.2f/%u", bench->step,
                                  bench->step_sync_us / 1000.0, bench->step_frames_us / 1000.0,
                                  count_rows (page));
          bench->waiting_for_paint = FALSE;
          if (++bench->step == AGENDA_OPENS)
            {
              pick_moved_item (bench, page);
              if (bench->moved_id == NULL)
                {
                  g_string_append (bench->report, " no-subject");
                  finish (bench);
                  return;
                }
              CALLGRIND_DUMP_STATS_AT ("agenda-open");
              bench->phase = AGENDA_MOVE;
              bench->step = 0;
              break;
            }
        }
      {
        /* Spread over the meetings, never the same twice in a row. */
        const char *id = g_ptr_array_index (bench->meeting_ids,
                                            (bench->step * 37 + 11) % bench->meeting_ids->len);

        bench->step_cpu_ms = main_thread_cpu_ms ();
        bench->step_start = g_get_monotonic_time ();
        raad_agenda_page_open_meeting (page, id);
        bench->step_sync_us = g_get_monotonic_time () - bench->step_start;
        bench->step_frames_us = 0;
        bench->waiting_for_paint = TRUE;
      }
      break;

    case AGENDA_MOVE:
      if (bench->waiting_for_paint)
        {
          guint position = agenda_row_position (page, bench->moved_id, NULL);

          bench->step_frames_us += now - bench->frame_start;
          g_string_append_printf (bench->report, " move-cpu[%u]=%.2f", bench->step,
                                  main_thread_cpu_ms () - bench->step_cpu_ms);
          g_string_append_printf (bench->report, " write[%u]=%.2f", bench->step,
                                  bench->changed_time != 0
                                  ? (bench->changed_time - bench->step_start) / 1000.0 : -1.0);
          g_string_append_printf (bench->report, " move[%u]=%.2f+%.2f%s", bench->step,
                                  bench->step_sync_us / 1000.0, bench->step_frames_us / 1000.0,
                                  position == bench->moved_position ? "!unmoved" : "");
          bench->waiting_for_paint = FALSE;
          bench->after_paint_time = g_get_monotonic_time ();
          bench->phase = AGENDA_MOVE_IDLE;
          g_idle_add_full (G_PRIORITY_LOW, agenda_idle_done_cb, bench, NULL);
          return;
        }
      {
        GtkListBoxRow *row = NULL;

        bench->moved_position = agenda_row_position (page, bench->moved_id, &row);
        if (row == NULL)
          {
            g_string_append (bench->report, " moved-item-gone");
            finish (bench);
            return;
          }
        gtk_list_box_select_row (_raad_agenda_page_get_agenda_list (page), row);
        if (bench->changed_hook == 0)
          bench->changed_hook = g_signal_add_emission_hook (g_signal_lookup ("changed", RAAD_TYPE_STORE),
                                                            0, store_changed_hook, bench, NULL);
        bench->changed_time = 0;
        bench->step_cpu_ms = main_thread_cpu_ms ();
        bench->step_start = g_get_monotonic_time ();
        gtk_widget_activate_action (GTK_WIDGET (page),
                                    bench->step % 2 == 0 ? "agenda.move-down" : "agenda.move-up",
                                    NULL);
        bench->step_sync_us = g_get_monotonic_time () - bench->step_start;
        bench->step_frames_us = 0;
        bench->waiting_for_paint = TRUE;
      }
      break;

    case AGENDA_MOVE_IDLE:
      /* A frame before the idle refresh ran: not part of the move. */
      return;

    case AGENDA_MOVE_FOLLOW:
      g_string_append_printf (bench->report, "+%.2f", (now - bench->frame_start) / 1000.0);
      if (++bench->step == AGENDA_MOVES)
        {
          CALLGRIND_DUMP_STATS_AT ("agenda-move");
          collect_sync_items (bench, page);
          if (bench->other_store == NULL || bench->open_ids->len == 0)
            {
              g_string_append (bench->report, " no-sync");
              finish (bench);
              return;
            }
          bench->phase = AGENDA_SYNC;
          bench->step = 0;
          break;
        }
      bench->phase = AGENDA_MOVE;
      agenda_step (bench, now);
      return;

    case AGENDA_SYNC:
      {
        gboolean with_open = bench->step % 2 == 1;

        g_clear_pointer (&bench->sync_ids, g_strfreev);
        /* Not timed: what the sync thread does on its own connection. */
        bench->sync_ids = write_sync_items (bench, with_open);
        if (bench->sync_ids == NULL)
          {
            g_string_append (bench->report, " sync-failed");
            finish (bench);
            return;
          }
        CALLGRIND_ZERO_STATS;
        bench->step_start = g_get_monotonic_time ();
        raad_store_notice_changes (raad_agenda_page_get_store (page),
                                   (const char * const *) bench->sync_ids);
        bench->after_paint_time = g_get_monotonic_time ();
        g_string_append_printf (bench->report, " %s[%u]=%.2f", with_open ? "sync-open" : "sync-other",
                                bench->step / 2,
                                (bench->after_paint_time - bench->step_start) / 1000.0);
        bench->phase = AGENDA_SYNC_IDLE;
        g_idle_add_full (G_PRIORITY_LOW, agenda_sync_idle_done_cb, bench, NULL);
        return;
      }

    case AGENDA_SYNC_IDLE:
      return;

    case AGENDA_SYNC_FOLLOW:
      g_string_append_printf (bench->report, "+%.2f/%u", (now - bench->frame_start) / 1000.0,
                              count_rows (page));
      CALLGRIND_DUMP_STATS_AT (bench->step % 2 == 1 ? "agenda-sync-open" : "agenda-sync-other");
      if (++bench->step == AGENDA_SYNCS)
        {
          finish (bench);
          return;
        }
      bench->phase = AGENDA_SYNC;
      break;

    default:
      g_assert_not_reached ();
    }
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
          CALLGRIND_DUMP_STATS_AT ("search");
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

  if (g_str_equal (bench->mode, "agenda"))
    {
      if (bench->frames >= 2)
        agenda_step (bench, now);
      else
        gtk_widget_queue_draw (GTK_WIDGET (bench->window));
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
  bench->report = g_string_new (g_str_equal (mode, "search") || g_str_equal (mode, "agenda") ? mode : NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_map), bench);
}
