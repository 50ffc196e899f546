/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-conflict-dialog-private.h: what the UI tests reach inside the conflict dialog */
#pragma once

#include "raad-conflict-dialog.h"

G_BEGIN_DECLS

/* The id of the record being compared, or NULL. */
const char *_raad_conflict_dialog_get_current_id  (RaadConflictDialog *self);
/* How many records the list shows. */
guint       _raad_conflict_dialog_get_n_records   (RaadConflictDialog *self);
/* The revisions compared, the winner first (owned by the dialog). */
GStrv       _raad_conflict_dialog_dup_revs        (RaadConflictDialog *self);
/* The JSON fields that differ between the versions, in the order shown. */
GStrv       _raad_conflict_dialog_dup_differing   (RaadConflictDialog *self);
/* The radio button that takes @field from version @index (0 = the winner), or NULL. */
GtkWidget  *_raad_conflict_dialog_get_choice      (RaadConflictDialog *self,
                                                   const char         *field,
                                                   guint               index);

G_END_DECLS
