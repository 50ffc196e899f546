/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-page-private.h: what the page's dialogs and the tests share with the page */
#pragma once

#include <adwaita.h>

#include "raad-speelveld-page.h"
#include "raad-stakeholder-map.h"

G_BEGIN_DECLS

RaadStakeholderMap *_raad_speelveld_page_get_map          (RaadSpeelveldPage *self);
GtkColumnView      *_raad_speelveld_page_get_column_view  (RaadSpeelveldPage *self);
GtkListBox         *_raad_speelveld_page_get_overdue_list (RaadSpeelveldPage *self);
/* "map", "grid" or "list". */
const char         *_raad_speelveld_page_get_view         (RaadSpeelveldPage *self);
void                _raad_speelveld_page_set_view         (RaadSpeelveldPage *self,
                                                           const char        *view);
AdwToast           *_raad_speelveld_page_get_last_toast   (RaadSpeelveldPage *self);
void                _raad_speelveld_page_show_toast       (RaadSpeelveldPage *self,
                                                           AdwToast          *toast);
/* Reads the store again now (normally done in an idle after a change). */
void                _raad_speelveld_page_refresh          (RaadSpeelveldPage *self);
/* Deletes @party with its contact log, with Undo in a toast. */
void                _raad_speelveld_page_delete_party     (RaadSpeelveldPage *self,
                                                           RaadStakeholder   *party);

/* raad-speelveld-dialogs.c: the party editor (@party NULL: a new party) and the contact
 * form. Both are modal windows with "raad-page" set to the page; fields carry widget names. */
GtkWindow          *_raad_speelveld_edit_party            (RaadSpeelveldPage *page,
                                                           RaadStakeholder   *party);
GtkWindow          *_raad_speelveld_log_contact           (RaadSpeelveldPage *page,
                                                           RaadStakeholder   *party);

G_END_DECLS
