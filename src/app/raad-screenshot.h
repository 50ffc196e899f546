/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-screenshot.h: saves a PNG of a window once it is painted (docs, tests) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits until @window is painted and its photos are decoded, renders it with its own renderer
 * and writes a PNG to @path. */
void     raad_screenshot_save_async  (GtkWidget           *window,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean raad_screenshot_save_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
