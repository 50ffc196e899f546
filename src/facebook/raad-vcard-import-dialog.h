/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-vcard-import-dialog.h: who a vCard file adds, before anything is saved */
#pragma once

#include <adwaita.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_VCARD_IMPORT_DIALOG (raad_vcard_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RaadVcardImportDialog, raad_vcard_import_dialog, RAAD,
                      VCARD_IMPORT_DIALOG, AdwWindow)

/* @members: parsed, unsaved RaadMember objects; those without a council go to the council
 * picked in the dialog (@council_id first). Emits "members-added" after saving. */
GtkWidget *raad_vcard_import_dialog_new    (RaadStore             *store,
                                            GPtrArray             *members,
                                            const char            *council_id);
/* Saves the members, all or none; FALSE with the reason shown in the dialog. */
gboolean   raad_vcard_import_dialog_add    (RaadVcardImportDialog *self);

G_END_DECLS
