/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-page.h: the face-book (smoelenboek): every council with its member cards */
#pragma once

#include <gtk/gtk.h>

#include "raad-facebook-state.h"
#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_FACEBOOK_PAGE (raad_facebook_page_get_type ())
G_DECLARE_FINAL_TYPE (RaadFacebookPage, raad_facebook_page, RAAD, FACEBOOK_PAGE, GtkWidget)

RaadStore         *raad_facebook_page_get_store    (RaadFacebookPage *self);
void               raad_facebook_page_set_store    (RaadFacebookPage *self,
                                                    RaadStore        *store);
RaadFacebookState *raad_facebook_page_get_state    (RaadFacebookPage *self);
/* The councils shown, in order (a GListModel of RaadCouncil). */
GListModel        *raad_facebook_page_get_councils (RaadFacebookPage *self);
void               raad_facebook_page_focus_search (RaadFacebookPage *self);
/* Looks again at which sections should build their cards (a section's count changed). */
void               raad_facebook_page_queue_update (RaadFacebookPage *self);
/* TRUE when every section in view shows all of its cards that fall in view, each with the
 * right member (the benchmarks wait for this; photos may still be initials). */
gboolean           raad_facebook_page_get_view_complete (RaadFacebookPage *self);
/* TRUE while cards near the visible part are still being built. */
gboolean           raad_facebook_page_get_loading  (RaadFacebookPage *self);

G_END_DECLS
