/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-conflict-dialog.h: records with conflicting versions, compared field by field */
#pragma once

#include <adwaita.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_CONFLICT_DIALOG (raad_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RaadConflictDialog, raad_conflict_dialog, RAAD, CONFLICT_DIALOG, AdwWindow)

RaadConflictDialog *raad_conflict_dialog_new    (RaadStore          *store);
/* Shows the versions of @id side by side (when it has more than one). */
void                raad_conflict_dialog_select (RaadConflictDialog *self,
                                                 const char         *id);

G_END_DECLS
