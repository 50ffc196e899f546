/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-page.h: the playing field (speelveld): the council's parties on a map and a grid, their contact log */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SPEELVELD_PAGE (raad_speelveld_page_get_type ())
G_DECLARE_FINAL_TYPE (RaadSpeelveldPage, raad_speelveld_page, RAAD, SPEELVELD_PAGE, GtkWidget)

/* The page shows the current council's records (GSettings "current-council"). */
void        raad_speelveld_page_set_store      (RaadSpeelveldPage *self,
                                    RaadStore *store);
RaadStore  *raad_speelveld_page_get_store      (RaadSpeelveldPage *self);
const char *raad_speelveld_page_get_council_id (RaadSpeelveldPage *self);

G_END_DECLS
