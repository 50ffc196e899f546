/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-window.h: the main window: header bar, pages, welcome and error states */
#pragma once

#include <adwaita.h>

#include "raad-application.h"
#include "raad-store.h"
#include "raad-sync.h"

G_BEGIN_DECLS

#define RAAD_TYPE_WINDOW (raad_window_get_type ())
G_DECLARE_FINAL_TYPE (RaadWindow, raad_window, RAAD, WINDOW, AdwApplicationWindow)

/* @store may be NULL when it could not be opened: then call raad_window_show_store_error. */
RaadWindow *raad_window_new              (RaadApplication *application,
                                          RaadStore       *store);
RaadStore  *raad_window_get_store        (RaadWindow      *self);
/* The window's sync with the shared server, or NULL without a store. */
RaadSync   *raad_window_get_sync         (RaadWindow      *self);
void        raad_window_show_store_error (RaadWindow      *self,
                                          const GError    *error);
/* Opens at @width × @height and does not remember the size (screenshots). */
void        raad_window_set_fixed_size   (RaadWindow      *self,
                                          int              width,
                                          int              height);
/* Shows page @name ("facebook", "meetings", "playing-field", "constituency"); FALSE when
 * there is no such page. */
gboolean    raad_window_show_page        (RaadWindow      *self,
                                          const char      *name);
/* The playing field and the constituency are built after the first frame, or when first
 * shown; this builds them now. */
void        raad_window_ensure_pages     (RaadWindow      *self);
void        raad_window_add_toast        (RaadWindow      *self,
                                          AdwToast        *toast);

G_END_DECLS
