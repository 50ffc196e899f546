/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member.h: a council member (lid) on the face-book */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_MEMBER (raad_member_get_type ())
G_DECLARE_FINAL_TYPE (RaadMember, raad_member, RAAD, MEMBER, RaadRecord)

/* JSON fields (property names with '-' for '_'):
 *   name, council_id, role, membership, attention_areas (array), expertise (array), bio,
 *   email, email_visibility, phone, phone_visibility, term_start, term_end (YYYY-MM-DD),
 *   linking_pins (array of council ids); photo is the attachment "photo".
 */

/* Roles, in the order the face-book shows them. */
#define RAAD_ROLE_CHAIR        "chair"
#define RAAD_ROLE_VICE_CHAIR   "vice-chair"
#define RAAD_ROLE_SECRETARY    "secretary"
#define RAAD_ROLE_MEMBER       "member"
#define RAAD_ROLE_SUPPORT      "support"
#define RAAD_ROLE_ADVISOR      "advisor"

/* Who the member is to the council. */
#define RAAD_MEMBERSHIP_CLIENT   "client"
#define RAAD_MEMBERSHIP_RELATIVE "relative"
#define RAAD_MEMBERSHIP_EXTERNAL "external"

/* Who may see a contact detail. */
#define RAAD_VISIBILITY_ORGANISATION "organisation"  /* every council of the organisation */
#define RAAD_VISIBILITY_COUNCIL      "council"       /* the member's own council */
#define RAAD_VISIBILITY_PRIVATE      "private"       /* the member and the support officer */

#define RAAD_MEMBER_PHOTO "photo"

const char * const *raad_member_roles              (void);
const char         *raad_member_role_label         (const char *role);
const char * const *raad_member_memberships        (void);
const char         *raad_member_membership_label   (const char *membership);
const char * const *raad_member_visibilities       (void);
const char         *raad_member_visibility_label   (const char *visibility);

RaadMember  *raad_member_new                  (RaadStore   *store);

const char  *raad_member_get_name             (RaadMember  *self);
void         raad_member_set_name             (RaadMember  *self,
                                               const char  *name);
const char  *raad_member_get_council_id       (RaadMember  *self);
void         raad_member_set_council_id       (RaadMember  *self,
                                               const char  *council_id);
const char  *raad_member_get_role             (RaadMember  *self);
void         raad_member_set_role             (RaadMember  *self,
                                               const char  *role);
const char  *raad_member_get_membership       (RaadMember  *self);
void         raad_member_set_membership       (RaadMember  *self,
                                               const char  *membership);
const char * const *raad_member_get_attention_areas (RaadMember *self);
void         raad_member_set_attention_areas  (RaadMember  *self,
                                               const char * const *areas);
const char * const *raad_member_get_expertise (RaadMember  *self);
void         raad_member_set_expertise        (RaadMember  *self,
                                               const char * const *expertise);
const char  *raad_member_get_bio              (RaadMember  *self);
void         raad_member_set_bio              (RaadMember  *self,
                                               const char  *bio);
const char  *raad_member_get_email            (RaadMember  *self);
void         raad_member_set_email            (RaadMember  *self,
                                               const char  *email);
const char  *raad_member_get_email_visibility (RaadMember  *self);
void         raad_member_set_email_visibility (RaadMember  *self,
                                               const char  *visibility);
const char  *raad_member_get_phone            (RaadMember  *self);
void         raad_member_set_phone            (RaadMember  *self,
                                               const char  *phone);
const char  *raad_member_get_phone_visibility (RaadMember  *self);
void         raad_member_set_phone_visibility (RaadMember  *self,
                                               const char  *visibility);
const char  *raad_member_get_term_start       (RaadMember  *self);
void         raad_member_set_term_start       (RaadMember  *self,
                                               const char  *date);
const char  *raad_member_get_term_end         (RaadMember  *self);
void         raad_member_set_term_end         (RaadMember  *self,
                                               const char  *date);
const char * const *raad_member_get_linking_pins (RaadMember *self);
void         raad_member_set_linking_pins     (RaadMember  *self,
                                               const char * const *council_ids);

/* TRUE when the term ends on or after @today and within @months months of it. */
gboolean     raad_member_term_ends_soon       (RaadMember  *self,
                                               GDate       *today,
                                               guint        months);
/* Initials for an avatar: "Anna de Vries" → "AV". */
char        *raad_member_dup_initials         (RaadMember  *self);

/* Checks the fields a user typed; FALSE with a message naming the field that is wrong. */
gboolean     raad_member_validate             (RaadMember  *self,
                                               GError     **error);

G_END_DECLS
