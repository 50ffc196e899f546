/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-window-private.h: what the UI tests reach inside the main window */
#pragma once

#include "raad-facebook-page.h"
#include "raad-window.h"

G_BEGIN_DECLS

RaadFacebookPage *_raad_window_get_facebook_page (RaadWindow *self);
/* The last toast shown (e.g. "“Name” deleted" with its Undo action), or NULL. */
AdwToast         *_raad_window_get_last_toast    (RaadWindow *self);
/* "main", "welcome" or "error". */
const char       *_raad_window_get_mode          (RaadWindow *self);

G_END_DECLS
