/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-export.h: the agenda builder's PDF, print, Markdown and .ics exports */
#pragma once

#include "raad-agenda-page-private.h"

G_BEGIN_DECLS

/* Asks for a file over @page's window, writes it and says so in a toast (a dialog on error). */
void     raad_agenda_export_ask        (RaadAgendaPage   *page,
                                        RaadAgendaExport  what);
void     raad_agenda_print             (RaadAgendaPage   *page);
void     raad_agenda_copy_markdown     (RaadAgendaPage   *page);
gboolean raad_agenda_export_write      (RaadStore        *store,
                                        const char       *meeting_id,
                                        RaadAgendaExport  what,
                                        const char       *path,
                                        GError          **error);

G_END_DECLS
