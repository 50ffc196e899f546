/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda.h: what a meeting's agenda does: templates, order, carried action points */
#pragma once

#include "raad-action-point.h"
#include "raad-agenda-item.h"
#include "raad-meeting.h"
#include "raad-request.h"

G_BEGIN_DECLS

/* How a new meeting's agenda starts. */
typedef enum
{
  RAAD_AGENDA_FROM_TEMPLATE,   /* the council's standard items */
  RAAD_AGENDA_COPY_LAST,       /* the items of the council's last meeting before it */
} RaadAgendaStart;

/* The standard items of a council meeting, in order ("opening", "agenda", "minutes",
 * "announcements", "exchange", "any-other-business", "closing"). */
const char * const *raad_agenda_standard_items   (void);
/* Their title in the user's language. */
const char         *raad_agenda_standard_title   (const char     *standard);

/* Creates a meeting of @council_id on @date (YYYY-MM-DD) from @start to @end ("HH:MM") with
 * its agenda, in one transaction. */
RaadMeeting *raad_agenda_create_meeting   (RaadStore        *store,
                                           const char       *council_id,
                                           const char       *date,
                                           const char       *start,
                                           const char       *end,
                                           RaadAgendaStart   how,
                                           GError          **error);
/* The items of a meeting in agenda order: each item followed by its sub-items (a new
 * GPtrArray of RaadAgendaItem). */
GPtrArray   *raad_agenda_list_items       (RaadStore        *store,
                                           const char       *meeting_id);
/* @items (RaadAgendaItem of one meeting, in any order) in agenda order, as
 * raad_agenda_list_items gives them: for a page that holds the items already. */
GPtrArray   *raad_agenda_order_items      (GPtrArray        *items);
/* Adds an item (or, with @parent, a sub-item) at the end. */
RaadAgendaItem *raad_agenda_add_item      (RaadStore        *store,
                                           RaadMeeting      *meeting,
                                           RaadAgendaItem   *parent,
                                           const char       *title,
                                           GError          **error);
/* Moves @item among its siblings one place up (-1) or down (+1): one document changes.
 * FALSE when it is first or last already. */
gboolean     raad_agenda_move_item        (RaadAgendaItem   *item,
                                           int               direction,
                                           GError          **error);
/* The same among @items, the meeting's items as the caller holds them (live records, in any
 * order), without reading the store: only the write is left. */
gboolean     raad_agenda_move_item_among  (RaadAgendaItem   *item,
                                           GPtrArray        *items,
                                           int               direction,
                                           GError          **error);
/* Moves @item to sit right before @before (a sibling), or last when @before is NULL. */
gboolean     raad_agenda_move_item_before (RaadAgendaItem   *item,
                                           RaadAgendaItem   *before,
                                           GError          **error);

/* Documents attached to an item (the budget, the director's letter): stored with the item as
 * attachments, so that they sync with it. Up to RAAD_AGENDA_DOCUMENT_MAX_SIZE bytes each. */
#define RAAD_AGENDA_DOCUMENT_MAX_SIZE (25 * 1024 * 1024)

/* Attaches @data under @file_name (a name already in use gets " (2)" and so on before its
 * extension) and saves the item; @stored_name (may be NULL) gets the name used. */
gboolean     raad_agenda_attach_document  (RaadAgendaItem   *item,
                                           const char       *file_name,
                                           const char       *content_type,
                                           GBytes           *data,
                                           char            **stored_name,
                                           GError          **error);
gboolean     raad_agenda_remove_document  (RaadAgendaItem   *item,
                                           const char       *name,
                                           GError          **error);

/* The council's open action points made before @date (a GPtrArray of RaadActionPoint, by
 * due date): they show under "minutes and action list" of the meeting on @date. */
GPtrArray   *raad_agenda_open_action_points (RaadStore      *store,
                                             const char     *council_id,
                                             const char     *date);

/* Advice and consent requests. */
typedef enum
{
  RAAD_REQUEST_CALM,          /* nothing to warn about */
  RAAD_REQUEST_DUE_SOON,      /* unanswered, the deadline within two weeks */
  RAAD_REQUEST_OVERDUE,       /* unanswered, the deadline passed */
  RAAD_REQUEST_VOID_WINDOW,   /* consent refused and decided anyway: the council may declare the
                               * decision void in writing within one month (art. 8) */
} RaadRequestWarning;

/* What to warn about on @today (YYYY-MM-DD); @until (may be NULL) gets the date the warning is
 * about: the deadline, or the last day to declare a decision void. */
RaadRequestWarning raad_agenda_request_warning (RaadRequest   *request,
                                                const char    *today,
                                                char         **until);
/* The council's requests with a warning on @today, most urgent first (RaadRequest). */
GPtrArray   *raad_agenda_requests_to_watch   (RaadStore      *store,
                                              const char     *council_id,
                                              const char     *today);
/* Puts a request on a meeting's agenda in one step: an item with its subject and purpose,
 * linked to it. */
RaadAgendaItem *raad_agenda_add_request      (RaadStore      *store,
                                              RaadMeeting    *meeting,
                                              RaadRequest    *request,
                                              GError        **error);

/* Sharing with the other councils: a shared item is published as an organisation-wide
 * "shared_item" record (title, decision, where it came from) that the other councils read;
 * the item itself stays private. Unsharing withdraws it. */
gboolean     raad_agenda_set_shared          (RaadAgendaItem *item,
                                              gboolean        shared,
                                              GError        **error);
/* What other councils shared after @council_id's last meeting before @date and up to @date:
 * it belongs under the information exchange of the meeting on @date (a GPtrArray of
 * RaadRecord "shared_item": fields council_id, council_name, meeting_date, title, decision). */
GPtrArray   *raad_agenda_shared_from_others  (RaadStore      *store,
                                              const char     *council_id,
                                              const char     *date);

G_END_DECLS
