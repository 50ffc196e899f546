/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member-card.h: one member on the face-book: photo, name, role, areas, badges */
#pragma once

#include <gtk/gtk.h>

#include "raad-facebook-state.h"
#include "raad-member.h"

G_BEGIN_DECLS

#define RAAD_TYPE_MEMBER_CARD (raad_member_card_get_type ())
G_DECLARE_FINAL_TYPE (RaadMemberCard, raad_member_card, RAAD, MEMBER_CARD, GtkFlowBoxChild)

/* @section_council_id is the council whose section shows the card: when it is not the
 * member's own council the card says "Linking pin". */
GtkWidget  *raad_member_card_new                    (RaadMember        *member,
                                                     const char        *section_council_id,
                                                     RaadFacebookState *state);
/* Shows another member: the face-book reuses cards rather than building new ones. */
void        raad_member_card_set_member             (RaadMemberCard    *self,
                                                     RaadMember        *member,
                                                     const char        *section_council_id);
RaadMember *raad_member_card_get_member             (RaadMemberCard    *self);
const char *raad_member_card_get_section_council_id (RaadMemberCard    *self);
gboolean    raad_member_card_get_linking_pin        (RaadMemberCard    *self);
/* The text a screen reader says for the card, e.g. "Anna de Vries, Chair, CCR". */
const char *raad_member_card_get_label              (RaadMemberCard    *self);

G_END_DECLS
