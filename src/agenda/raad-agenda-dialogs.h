/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-dialogs.h: meeting and request dialogs (new or edit) and the agenda item editor */
#pragma once

#include "raad-agenda-page.h"
#include "raad-agenda-item.h"
#include "raad-meeting.h"
#include "raad-request.h"

G_BEGIN_DECLS

/* Each is a modal window over @page's window; what it saved shows in @page. The fields carry
 * widget names ("date", "start", "save" …) so tests can fill them in. */
GtkWindow *raad_agenda_meeting_dialog_new (RaadAgendaPage *page);
GtkWindow *raad_agenda_meeting_editor_new (RaadAgendaPage *page,
                                           RaadMeeting    *meeting);
GtkWindow *raad_agenda_request_dialog_new (RaadAgendaPage *page);
GtkWindow *raad_agenda_request_editor_new (RaadAgendaPage *page,
                                           RaadRequest    *request);
GtkWindow *raad_agenda_item_editor_new    (RaadAgendaPage *page,
                                           RaadAgendaItem *item);
/* Attaches @file to the item of the editor @window, as choosing it in "Attach Document…" does
 * (read in the background; the list of documents follows, or a toast says what is wrong and
 * the window's data "raad-document-error" holds the message). */
void       raad_agenda_item_editor_attach_file (GtkWindow *window,
                                                GFile     *file);

G_END_DECLS
