/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-tag-editor.h: a list of short texts as removable pills, added from an entry */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAAD_TYPE_TAG_EDITOR (raad_tag_editor_get_type ())
G_DECLARE_FINAL_TYPE (RaadTagEditor, raad_tag_editor, RAAD, TAG_EDITOR, GtkWidget)

GtkWidget          *raad_tag_editor_new         (void);
const char * const *raad_tag_editor_get_tags    (RaadTagEditor      *self);
void                raad_tag_editor_set_tags    (RaadTagEditor      *self,
                                                 const char * const *tags);
/* Adds @tag unless it is empty or already there (ignoring case). */
gboolean            raad_tag_editor_add_tag     (RaadTagEditor      *self,
                                                 const char         *tag);
void                raad_tag_editor_remove_tag  (RaadTagEditor      *self,
                                                 const char         *tag);
/* Adds what is typed in the entry but not yet added (Save does this). */
void                raad_tag_editor_commit      (RaadTagEditor      *self);
GtkEditable        *raad_tag_editor_get_entry   (RaadTagEditor      *self);

G_END_DECLS
