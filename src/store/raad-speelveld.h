/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld.h: what the playing field does: parties, their places, whom to speak to next */
#pragma once

#include "raad-contact.h"
#include "raad-stakeholder.h"

G_BEGIN_DECLS

/* The categories of parties, in the order the map goes round ("director" first). */
const char * const *raad_speelveld_categories          (void);
/* Titles in the user's language of the values of the stakeholder and contact fields; an
 * unknown value is given back as it is. */
const char         *raad_speelveld_category_title      (const char  *category);
const char * const *raad_speelveld_relations           (void);
const char         *raad_speelveld_relation_title      (const char  *relation);
const char * const *raad_speelveld_rights              (void);
const char         *raad_speelveld_right_title         (const char  *right);
const char * const *raad_speelveld_contact_kinds       (void);
const char         *raad_speelveld_contact_kind_title  (const char  *kind);

/* The parties of @council_id's playing field by category and name (a new GPtrArray of
 * RaadStakeholder). */
GPtrArray          *raad_speelveld_list_parties        (RaadStore   *store,
                                                        const char  *council_id);
/* A party's contact log, newest first (RaadContact). */
GPtrArray          *raad_speelveld_list_contacts       (RaadStore   *store,
                                                        const char  *stakeholder_id);

/* Places on the map and on the power/interest grid, 0…1 across and down, for each of
 * @parties (as listed): @xy gets x and y per party. On the map a party keeps the place it was
 * given; the others go round the council in the middle in category order. On the grid the
 * place follows from interest (across) and influence (up); parties in one cell are spread. */
void                raad_speelveld_map_places          (GPtrArray   *parties,
                                                        double      *xy);
void                raad_speelveld_grid_places         (GPtrArray   *parties,
                                                        double      *xy);
/* Stores a party's place on the map (clamped to 0…1). */
gboolean            raad_speelveld_set_place           (RaadStakeholder *party,
                                                        double       x,
                                                        double       y,
                                                        GError     **error);

/* The quadrants of the power/interest grid. */
typedef enum
{
  RAAD_QUADRANT_MONITOR,          /* little influence, little interest */
  RAAD_QUADRANT_KEEP_INFORMED,    /* little influence, much interest */
  RAAD_QUADRANT_KEEP_SATISFIED,   /* much influence, little interest */
  RAAD_QUADRANT_MANAGE_CLOSELY,   /* much influence, much interest */
} RaadQuadrant;

RaadQuadrant        raad_speelveld_quadrant            (RaadStakeholder *party);
const char         *raad_speelveld_quadrant_title      (RaadQuadrant quadrant);

/* Whether a party has been spoken to within its contact rhythm. */
typedef enum
{
  RAAD_CONTACT_NO_RHYTHM,   /* no rhythm planned */
  RAAD_CONTACT_ON_TRACK,
  RAAD_CONTACT_DUE_SOON,    /* due within two weeks */
  RAAD_CONTACT_OVERDUE,     /* due date passed, or never spoken to */
} RaadContactState;

typedef struct
{
  RaadStakeholder  *party;
  char             *last_contact;   /* YYYY-MM-DD, NULL when never */
  char             *due;            /* when the rhythm asks for the next talk, NULL without */
  int               days_overdue;   /* days past due (never spoken to: since G_MAXINT / 2) */
  RaadContactState  state;
} RaadContactDue;

void                raad_contact_due_free              (RaadContactDue *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadContactDue, raad_contact_due_free)

/* The date of the last contact with each party of @council_id: stakeholder id → YYYY-MM-DD
 * (one query, whatever the size of the log). */
GHashTable         *raad_speelveld_last_contacts       (RaadStore   *store,
                                                        const char  *council_id);
/* The state of @party on @today given its last contact (NULL: never). */
RaadContactDue     *raad_speelveld_contact_due         (RaadStakeholder *party,
                                                        const char  *last_contact,
                                                        const char  *today);
/* The parties of @council_id due or overdue for a talk on @today, most overdue first (a new
 * GPtrArray of RaadContactDue). */
GPtrArray          *raad_speelveld_overdue             (RaadStore   *store,
                                                        const char  *council_id,
                                                        const char  *today);

/* The state of every party of @council_id on @today, in list order (a new GPtrArray of
 * RaadContactDue); the same two queries as raad_speelveld_overdue. */
GPtrArray          *raad_speelveld_list_dues           (RaadStore   *store,
                                                        const char  *council_id,
                                                        const char  *today);
/* Sorts @dues (RaadContactDue) most overdue first, then due soon by date, then the rest. */
void                raad_speelveld_sort_most_overdue   (GPtrArray   *dues);

/* Logs a contact with @party (date YYYY-MM-DD, kind one of raad_speelveld_contact_kinds,
 * summary required). A planned talk on or before @date is taken as this one. */
RaadContact        *raad_speelveld_log_contact         (RaadStakeholder *party,
                                                        const char  *date,
                                                        const char  *kind,
                                                        const char  *participants,
                                                        const char  *summary,
                                                        const char  *follow_up,
                                                        GError     **error);
/* Plans the next talk with @party on @date (NULL: none planned). */
gboolean            raad_speelveld_plan_contact        (RaadStakeholder *party,
                                                        const char  *date,
                                                        GError     **error);

G_END_DECLS
