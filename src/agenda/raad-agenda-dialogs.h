/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-dialogs.h: new meeting, new request and the agenda item editor */
#pragma once

#include "raad-agenda-page.h"
#include "raad-agenda-item.h"

G_BEGIN_DECLS

/* Each is a modal window over @page's window; what it saved shows in @page. The fields carry
 * widget names ("date", "start", "save" …) so tests can fill them in. */
GtkWindow *raad_agenda_meeting_dialog_new (RaadAgendaPage *page);
GtkWindow *raad_agenda_request_dialog_new (RaadAgendaPage *page);
GtkWindow *raad_agenda_item_editor_new    (RaadAgendaPage *page,
                                           RaadAgendaItem *item);

G_END_DECLS
