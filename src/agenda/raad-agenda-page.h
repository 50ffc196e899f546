/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-page.h: the meetings page: meetings, requests and the agenda builder */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_AGENDA_PAGE (raad_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (RaadAgendaPage, raad_agenda_page, RAAD, AGENDA_PAGE, GtkWidget)

/* The page shows the meetings of the current council (GSettings "current-council"). */
void        raad_agenda_page_set_store      (RaadAgendaPage *self,
                                             RaadStore      *store);
RaadStore  *raad_agenda_page_get_store      (RaadAgendaPage *self);
const char *raad_agenda_page_get_council_id (RaadAgendaPage *self);
/* Opens a meeting in the builder (NULL closes it). */
void        raad_agenda_page_open_meeting   (RaadAgendaPage *self,
                                             const char     *meeting_id);
const char *raad_agenda_page_get_meeting_id (RaadAgendaPage *self);

G_END_DECLS
