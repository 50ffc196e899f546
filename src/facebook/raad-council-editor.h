/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council-editor.h: a window with the fields of one council */
#pragma once

#include <adwaita.h>

#include "raad-council.h"

G_BEGIN_DECLS

#define RAAD_TYPE_COUNCIL_EDITOR (raad_council_editor_get_type ())
G_DECLARE_FINAL_TYPE (RaadCouncilEditor, raad_council_editor, RAAD, COUNCIL_EDITOR, AdwWindow)

/* Edits @council, or a new council when it is NULL. */
GtkWidget   *raad_council_editor_new         (RaadStore         *store,
                                              RaadCouncil       *council);
RaadCouncil *raad_council_editor_get_council (RaadCouncilEditor *self);
gboolean     raad_council_editor_save        (RaadCouncilEditor *self);

G_END_DECLS
