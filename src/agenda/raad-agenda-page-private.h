/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-page-private.h: what the dialogs, the exports and the UI tests reach inside */
#pragma once

#include <adwaita.h>

#include "raad-agenda-item.h"
#include "raad-agenda-page.h"
#include "raad-meeting.h"
#include "raad-request.h"

G_BEGIN_DECLS

typedef enum
{
  RAAD_AGENDA_EXPORT_PDF,
  RAAD_AGENDA_EXPORT_LARGE_PDF,
  RAAD_AGENDA_EXPORT_MINUTES_PDF,
  RAAD_AGENDA_EXPORT_ICS,
} RaadAgendaExport;

/* Writes the open meeting as @what to @path, as the file chooser's answer does. */
gboolean    _raad_agenda_page_export_to      (RaadAgendaPage   *self,
                                              RaadAgendaExport  what,
                                              const char       *path,
                                              GError          **error);
GtkListBox *_raad_agenda_page_get_agenda_list (RaadAgendaPage  *self);
/* The item a row of the agenda list shows, or NULL (action points, shared items). */
RaadAgendaItem *_raad_agenda_page_row_get_item (GtkListBoxRow  *row);
AdwToast   *_raad_agenda_page_get_last_toast (RaadAgendaPage   *self);
void        _raad_agenda_page_show_toast     (RaadAgendaPage   *self,
                                              AdwToast         *toast);
/* Called by the dialogs once they saved. */
void        _raad_agenda_page_refresh        (RaadAgendaPage   *self);
void        _raad_agenda_page_remove_item    (RaadAgendaPage   *self,
                                              RaadAgendaItem   *item);
/* Deletes @meeting with its items and action points in one transaction; the toast has Undo. */
void        _raad_agenda_page_delete_meeting (RaadAgendaPage   *self,
                                              RaadMeeting      *meeting);
GtkListBox *_raad_agenda_page_get_request_list (RaadAgendaPage *self);
/* The request a row of the request list shows, or NULL. */
RaadRequest *_raad_agenda_page_row_get_request (GtkListBoxRow  *row);

G_END_DECLS
