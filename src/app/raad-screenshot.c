/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-screenshot.c: saves a PNG of a window once it is painted (docs, tests) */
#define G_LOG_DOMAIN "raad-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-facebook-page.h"
#include "raad-photo-cache.h"
#include "raad-screenshot.h"

/* A tick callback keeps frames coming while the window settles (first layout, photos decoded
 * in threads); once a few frames went by and nothing is pending, the next "after-paint" of
 * the frame clock renders the window's paintable with the window's own renderer, so the PNG
 * shows exactly what was painted. */

#define MIN_FRAMES 3
/* Long enough for the revealers and crossfades started by the first layout to end. */
#define MIN_WAIT_USEC (700 * G_TIME_SPAN_MILLISECOND)
#define MAX_WAIT_USEC (15 * G_USEC_PER_SEC)

typedef struct
{
  GtkWidget     *window;
  char          *path;
  GdkFrameClock *clock;
  guint          tick_id;
  gulong         after_paint_id;
  gulong         map_id;
  guint          frames;
  gint64         start;
  gint64         deadline;
} Shot;

static void
shot_free (gpointer data)
{
  Shot *shot = data;

  if (shot->tick_id != 0)
    gtk_widget_remove_tick_callback (shot->window, shot->tick_id);
  if (shot->clock != NULL && shot->after_paint_id != 0)
    g_signal_handler_disconnect (shot->clock, shot->after_paint_id);
  if (shot->map_id != 0)
    g_signal_handler_disconnect (shot->window, shot->map_id);
  g_clear_object (&shot->clock);
  g_clear_object (&shot->window);
  g_free (shot->path);
  g_free (shot);
}

static gboolean
render_to_png (GtkWidget   *window,
               const char  *path,
               GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  double x = 0, y = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL || renderer == NULL || surface == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was painted");
      return FALSE;
    }
  /* The whole surface: the window and the frame drawn around it (client-side decorations),
   * so that a window opened at 1280 × 800 gives a PNG of 1280 × 800. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &x, &y);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (-x, -y,
                                                              gdk_surface_get_width (surface),
                                                              gdk_surface_get_height (surface)));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

/* Face-book pages still building the cards in view. */
static gboolean
pages_loading (GtkWidget *widget)
{
  if (RAAD_IS_FACEBOOK_PAGE (widget) && gtk_widget_get_mapped (widget)
      && raad_facebook_page_get_loading (RAAD_FACEBOOK_PAGE (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (pages_loading (child))
      return TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GTask *task = user_data;
  Shot *shot = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_signal_handler_disconnect (clock, shot->after_paint_id);
  shot->after_paint_id = 0;

  if (render_to_png (shot->window, shot->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  Shot *shot = g_task_get_task_data (task);
  gboolean settled;

  if (g_task_return_error_if_cancelled (task))
    {
      shot->tick_id = 0;
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  shot->frames++;
  settled = shot->frames >= MIN_FRAMES
            && g_get_monotonic_time () - shot->start >= MIN_WAIT_USEC
            && raad_photo_cache_get_n_pending (raad_photo_cache_get_default ()) == 0
            && !pages_loading (widget);
  if (!settled && g_get_monotonic_time () < shot->deadline)
    return G_SOURCE_CONTINUE;

  /* Paint once more with everything in place, then render that frame. */
  shot->tick_id = 0;
  shot->clock = g_object_ref (clock);
  shot->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                           task);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
start_ticking (GTask *task)
{
  Shot *shot = g_task_get_task_data (task);

  shot->start = g_get_monotonic_time ();
  shot->deadline = shot->start + MAX_WAIT_USEC;
  shot->tick_id = gtk_widget_add_tick_callback (shot->window, tick_cb, task, NULL);
}

static void
window_map_cb (GtkWidget *window,
               gpointer   user_data)
{
  GTask *task = user_data;
  Shot *shot = g_task_get_task_data (task);

  g_signal_handler_disconnect (window, shot->map_id);
  shot->map_id = 0;
  start_ticking (task);
}

void
raad_screenshot_save_async (GtkWidget           *window,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Shot *shot;

  g_return_if_fail (GTK_IS_NATIVE (window));
  g_return_if_fail (path != NULL);

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_screenshot_save_async);
  shot = g_new0 (Shot, 1);
  shot->window = g_object_ref (window);
  shot->path = g_strdup (path);
  g_task_set_task_data (task, shot, shot_free);

  if (gtk_widget_get_mapped (window))
    start_ticking (task);
  else
    shot->map_id = g_signal_connect (window, "map", G_CALLBACK (window_map_cb), task);
}

gboolean
raad_screenshot_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
