/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-page.h: the constituency (achterban): signals, followed to the agenda and back, themes over time */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SIGNALS_PAGE (raad_signals_page_get_type ())
G_DECLARE_FINAL_TYPE (RaadSignalsPage, raad_signals_page, RAAD, SIGNALS_PAGE, GtkWidget)

/* The page shows the current council's records (GSettings "current-council"). */
void        raad_signals_page_set_store      (RaadSignalsPage *self,
                                              RaadStore       *store);
RaadStore  *raad_signals_page_get_store      (RaadSignalsPage *self);
const char *raad_signals_page_get_council_id (RaadSignalsPage *self);
/* Opens the signal @id in the form (NULL: an empty form to log a new one). */
void        raad_signals_page_open_signal    (RaadSignalsPage *self,
                                              const char      *id);

G_END_DECLS
