/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-form.h: the editor windows of the pages: Cancel and Save in the header, rows below */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  RAAD_FORM_DEFAULT = 0,
  /* The page sits in an AdwToastOverlay of the form's own (raad_form_get_toasts ()), for
   * messages the owner's toasts behind the modal window would hide. */
  RAAD_FORM_TOASTS  = 1 << 0,
} RaadFormFlags;

/* A modal window, transient for @owner's window, titled @title, @width × @height at first:
 * a header bar with Cancel and a suggested Save (named "save", the default widget) that calls
 * @save_cb with the window, which closes it once saved; Escape and Cancel close it unsaved.
 * The window keeps a reference to @owner (raad_form_get_owner ()). Returns the page to fill
 * with groups; the window in @out_window. */
AdwPreferencesPage  *raad_form_new        (GtkWidget            *owner,
                                           const char           *title,
                                           int                   width,
                                           int                   height,
                                           RaadFormFlags         flags,
                                           GCallback             save_cb,
                                           GtkWindow           **out_window);
/* The owner given to raad_form_new (). */
gpointer             raad_form_get_owner  (GtkWindow            *window);
/* The form's toast overlay; NULL without RAAD_FORM_TOASTS. */
AdwToastOverlay     *raad_form_get_toasts (GtkWindow            *window);

/* A new group at the end of @page; @title may be NULL. */
AdwPreferencesGroup *raad_form_add_group  (AdwPreferencesPage   *page,
                                           const char           *title);
/* An entry row named @name at the end of @group, with @title (an underline marks the
 * mnemonic) and @text (may be NULL), kept as the field @name of @window; Enter in it
 * activates the default widget (Save). */
GtkWidget           *raad_form_add_entry  (GtkWindow            *window,
                                           AdwPreferencesGroup  *group,
                                           const char           *name,
                                           const char           *title,
                                           const char           *text);

/* Keeps @widget on @window under its widget name, for raad_form_get_field (). */
void                 raad_form_keep_field (GtkWindow            *window,
                                           GtkWidget            *widget);
/* The field of @window named @name; NULL when there is none. */
GtkWidget           *raad_form_get_field  (GtkWindow            *window,
                                           const char           *name);
/* Styles @widget as wrong (the "error" style class) or takes that back. */
void                 raad_form_mark_error (GtkWidget            *widget,
                                           gboolean              wrong);
/* The text of the editable @editable without the spaces around it; NULL when that is empty. */
char                *raad_form_dup_text   (GtkWidget            *editable);
/* raad_form_dup_text () of the field of @window named @name. */
char                *raad_form_dup_field  (GtkWindow            *window,
                                           const char           *name);

G_END_DECLS
