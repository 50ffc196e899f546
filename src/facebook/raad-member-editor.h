/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member-editor.h: a window with every field of one member; Save writes a revision */
#pragma once

#include <adwaita.h>

#include "raad-member.h"

G_BEGIN_DECLS

#define RAAD_TYPE_MEMBER_EDITOR (raad_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (RaadMemberEditor, raad_member_editor, RAAD, MEMBER_EDITOR, AdwWindow)

/* Edits @member, or a new member of @council_id when @member is NULL. The fields are read
 * into the widgets; only Save writes them back, as one new revision. */
GtkWidget  *raad_member_editor_new        (RaadStore        *store,
                                           RaadMember       *member,
                                           const char       *council_id);
/* The member edited; NULL for a new member until it is saved. */
RaadMember *raad_member_editor_get_member (RaadMemberEditor *self);
/* Validates and saves; FALSE (and the reason shown in the editor) when it cannot. */
gboolean    raad_member_editor_save       (RaadMemberEditor *self);

G_END_DECLS
