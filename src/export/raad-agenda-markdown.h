/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-markdown.h: a meeting's agenda as text for e-mail and invitations */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

/* The agenda as Markdown: a heading, date, time, place, online link and guests, then a
 * numbered list with start times (sub-items nested), and the overrun warning if any. NULL
 * when the meeting does not exist. */
char *raad_agenda_markdown   (RaadStore  *store,
                              const char *meeting_id);
/* The same as plain text, for the description of an invitation. */
char *raad_agenda_plain_text (RaadStore  *store,
                              const char *meeting_id);

G_END_DECLS
