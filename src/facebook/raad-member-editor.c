/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member-editor.c: a window with every field of one member; Save writes a revision */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-council.h"
#include "raad-member-editor.h"
#include "raad-photo.h"
#include "raad-photo-cache.h"
#include "raad-record-list.h"
#include "raad-tag-editor.h"

/* The editor never changes the live member while the user types: Save builds a copy from
 * the stored document, puts the widgets' values on it, validates it and saves it, so Cancel
 * (or a failed validation) leaves the member as it was. The live object follows the new
 * revision through the store. A chosen photo is prepared in a thread and only stored with
 * Save. */

#define PHOTO_SIZE 128

struct _RaadMemberEditor
{
  AdwWindow             parent_instance;

  RaadStore            *store;
  RaadMember           *member;
  char                 *default_council_id;
  GPtrArray            *council_ids;      /* parallel to the council row's model */
  GHashTable           *linking_pins;     /* council ids checked */
  GBytes               *new_photo;
  gboolean              remove_photo;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwWindowTitle       *window_title;
  GtkLabel             *error_label;
  AdwAvatar            *photo_avatar;
  GtkSpinner           *photo_spinner;
  GtkWidget            *remove_photo_button;
  GtkLabel             *photo_error_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *council_row;
  AdwComboRow          *role_row;
  AdwComboRow          *membership_row;
  RaadTagEditor        *areas_editor;
  RaadTagEditor        *expertise_editor;
  GtkTextView          *bio_view;
  AdwEntryRow          *email_row;
  AdwComboRow          *email_visibility_row;
  AdwEntryRow          *phone_row;
  AdwComboRow          *phone_visibility_row;
  AdwEntryRow          *term_start_row;
  AdwEntryRow          *term_end_row;
  GtkLabel             *term_error_label;
  AdwPreferencesGroup  *linking_group;
  GPtrArray            *linking_rows;
  GtkWidget            *delete_button;
};

G_DEFINE_FINAL_TYPE (RaadMemberEditor, raad_member_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEMBER,
  PROP_COUNCIL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static guint
strv_index (const char * const *strv,
            const char         *value,
            guint               fallback)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], value) == 0)
      return i;
  return fallback;
}

static GtkStringList *
labels_model (const char * const *ids,
              const char         *(*label_func) (const char *id),
              const char         *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, label_func (ids[i]));
  return list;
}

/* The text of an entry without the spaces around it. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* A date a user typed: empty, or a real day as YYYY-MM-DD. */
static gboolean
date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static void
show_error (RaadMemberEditor *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
selected_council_id (RaadMemberEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->council_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->council_ids->len)
    return NULL;
  return g_ptr_array_index (self->council_ids, selected);
}

static char *
get_bio (RaadMemberEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->bio_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_photo_buttons (RaadMemberEditor *self)
{
  gboolean has_photo = self->new_photo != NULL
                       || (!self->remove_photo && self->member != NULL
                           && raad_record_has_attachment (RAAD_RECORD (self->member),
                                                          RAAD_MEMBER_PHOTO));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-photo", has_photo);
}

static void
linking_toggled_cb (GtkCheckButton   *check,
                    RaadMemberEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "council-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->linking_pins, g_strdup (id));
  else
    g_hash_table_remove (self->linking_pins, id);
}

/* One check per council other than the member's own. */
static void
rebuild_linking_rows (RaadMemberEditor *self)
{
  GListModel *names = adw_combo_row_get_model (self->council_row);
  const char *own = selected_council_id (self);

  for (guint i = 0; i < self->linking_rows->len; i++)
    adw_preferences_group_remove (self->linking_group, g_ptr_array_index (self->linking_rows, i));
  g_ptr_array_set_size (self->linking_rows, 0);

  for (guint i = 0; i < self->council_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->council_ids, i);
      GtkWidget *row, *check;

      if (g_strcmp0 (id, own) == 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_string_list_get_string (GTK_STRING_LIST (names), i));
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->linking_pins, id));
      g_object_set_data_full (G_OBJECT (check), "council-id", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (linking_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->linking_group, row);
      g_ptr_array_add (self->linking_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->linking_group), self->linking_rows->len > 0);
}

/* Async callbacks get the editor without a reference (a window must not outlive its
 * transient parent): dispose cancels, and a cancelled callback touches nothing. */
static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RaadMemberEditor *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = raad_photo_cache_load_finish (RAAD_PHOTO_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture != NULL && self->new_photo == NULL && !self->remove_photo)
    adw_avatar_set_custom_image (self->photo_avatar, GDK_PAINTABLE (texture));
  else if (texture == NULL)
    g_debug ("Photo not shown: %s", error->message);
}

static void
load_fields (RaadMemberEditor *self)
{
  g_autoptr(RaadQuery) query = NULL;
  g_autoptr(RaadRecordList) councils = NULL;
  g_autoptr(GtkStringList) council_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = NULL;
  g_autoptr(GtkStringList) memberships = NULL;
  g_autoptr(GtkStringList) visibilities = NULL;
  RaadMember *m = self->member;
  const char *council_id = m != NULL ? raad_member_get_council_id (m) : self->default_council_id;
  const char * const *pins;
  guint council_position = 0;
  guint n;

  adw_window_title_set_title (self->window_title, m != NULL ? _("Edit Member") : _("New Member"));
  gtk_window_set_title (GTK_WINDOW (self), m != NULL ? _("Edit Member") : _("New Member"));
  if (m != NULL)
    adw_window_title_set_subtitle (self->window_title, raad_member_get_name (m));
  gtk_widget_set_visible (self->delete_button, m != NULL);

  /* Councils, central first, as on the face-book. */
  query = raad_query_new ("council");
  raad_query_order_by (query, "kind", FALSE);
  raad_query_order_by (query, "name", FALSE);
  councils = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (councils));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadCouncil) council = g_list_model_get_item (G_LIST_MODEL (councils), i);
      const char *id = raad_record_get_id (RAAD_RECORD (council));

      gtk_string_list_append (council_names, raad_council_get_name (council));
      g_ptr_array_add (self->council_ids, g_strdup (id));
      if (g_strcmp0 (id, council_id) == 0)
        council_position = i;
    }
  /* A council this laptop does not know (yet): keep it rather than move the member. */
  if (council_id != NULL && *council_id != '\0'
      && !g_ptr_array_find_with_equal_func (self->council_ids, council_id, g_str_equal, NULL))
    {
      gtk_string_list_append (council_names, _("Unknown council"));
      g_ptr_array_add (self->council_ids, g_strdup (council_id));
      council_position = self->council_ids->len - 1;
    }

  pins = m != NULL ? raad_member_get_linking_pins (m) : NULL;
  for (guint i = 0; pins != NULL && pins[i] != NULL; i++)
    g_hash_table_add (self->linking_pins, g_strdup (pins[i]));

  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (council_names));
  adw_combo_row_set_selected (self->council_row, council_position);

  roles = labels_model (raad_member_roles (), raad_member_role_label, NULL);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row,
                              strv_index (raad_member_roles (),
                                          m != NULL ? raad_member_get_role (m) : NULL,
                                          strv_index (raad_member_roles (), RAAD_ROLE_MEMBER, 0)));

  memberships = labels_model (raad_member_memberships (), raad_member_membership_label,
                              _("Not specified"));
  adw_combo_row_set_model (self->membership_row, G_LIST_MODEL (memberships));
  adw_combo_row_set_selected (self->membership_row, 0);
  if (m != NULL && raad_member_get_membership (m) != NULL)
    {
      guint i = strv_index (raad_member_memberships (), raad_member_get_membership (m),
                            G_MAXUINT);

      if (i != G_MAXUINT)
        adw_combo_row_set_selected (self->membership_row, i + 1);
    }

  visibilities = labels_model (raad_member_visibilities (), raad_member_visibility_label, NULL);
  adw_combo_row_set_model (self->email_visibility_row, G_LIST_MODEL (visibilities));
  adw_combo_row_set_model (self->phone_visibility_row, G_LIST_MODEL (visibilities));
  adw_combo_row_set_selected (self->email_visibility_row,
                              strv_index (raad_member_visibilities (),
                                          m != NULL ? raad_member_get_email_visibility (m) : NULL,
                                          strv_index (raad_member_visibilities (),
                                                      RAAD_VISIBILITY_COUNCIL, 0)));
  adw_combo_row_set_selected (self->phone_visibility_row,
                              strv_index (raad_member_visibilities (),
                                          m != NULL ? raad_member_get_phone_visibility (m) : NULL,
                                          strv_index (raad_member_visibilities (),
                                                      RAAD_VISIBILITY_COUNCIL, 0)));

  if (m != NULL)
    {
      const char *bio = raad_member_get_bio (m);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             raad_member_get_name (m) != NULL ? raad_member_get_name (m) : "");
      raad_tag_editor_set_tags (self->areas_editor, raad_member_get_attention_areas (m));
      raad_tag_editor_set_tags (self->expertise_editor, raad_member_get_expertise (m));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->bio_view),
                                bio != NULL ? bio : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             raad_member_get_email (m) != NULL ? raad_member_get_email (m) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                             raad_member_get_phone (m) != NULL ? raad_member_get_phone (m) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->term_start_row),
                             raad_member_get_term_start (m) != NULL
                             ? raad_member_get_term_start (m) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->term_end_row),
                             raad_member_get_term_end (m) != NULL
                             ? raad_member_get_term_end (m) : "");

      adw_avatar_set_text (self->photo_avatar, raad_member_get_name (m));
      if (raad_record_has_attachment (RAAD_RECORD (m), RAAD_MEMBER_PHOTO))
        raad_photo_cache_load_async (raad_photo_cache_get_default (), RAAD_RECORD (m),
                                     RAAD_MEMBER_PHOTO,
                                     PHOTO_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     self->cancellable, photo_loaded_cb, self);
    }

  rebuild_linking_rows (self);
  update_photo_buttons (self);
}

/* Fills @member from the widgets. */
static void
apply_fields (RaadMemberEditor *self,
              RaadMember       *member)
{
  const char * const *roles = raad_member_roles ();
  const char * const *memberships = raad_member_memberships ();
  const char * const *visibilities = raad_member_visibilities ();
  const char *own = selected_council_id (self);
  g_autoptr(GPtrArray) pins = g_ptr_array_new ();
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *email = dup_text (self->email_row);
  g_autofree char *phone = dup_text (self->phone_row);
  g_autofree char *start = dup_text (self->term_start_row);
  g_autofree char *end = dup_text (self->term_end_row);
  g_autofree char *bio = g_strstrip (get_bio (self));
  guint role = adw_combo_row_get_selected (self->role_row);
  guint membership = adw_combo_row_get_selected (self->membership_row);
  guint email_visibility = adw_combo_row_get_selected (self->email_visibility_row);
  guint phone_visibility = adw_combo_row_get_selected (self->phone_visibility_row);

  /* Linking pins in the order of the councils, never the member's own council. */
  for (guint i = 0; i < self->council_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->council_ids, i);

      if (g_strcmp0 (id, own) != 0 && g_hash_table_contains (self->linking_pins, id))
        g_ptr_array_add (pins, (gpointer) id);
    }
  g_ptr_array_add (pins, NULL);

  raad_member_set_name (member, name);
  raad_member_set_council_id (member, own);
  raad_member_set_role (member, role < g_strv_length ((char **) roles) ? roles[role] : NULL);
  raad_member_set_membership (member,
                              membership > 0 && membership <= g_strv_length ((char **) memberships)
                              ? memberships[membership - 1] : NULL);
  raad_member_set_attention_areas (member, raad_tag_editor_get_tags (self->areas_editor));
  raad_member_set_expertise (member, raad_tag_editor_get_tags (self->expertise_editor));
  raad_member_set_bio (member, empty_to_null (bio));
  raad_member_set_email (member, empty_to_null (email));
  raad_member_set_email_visibility (member,
                                    email_visibility < g_strv_length ((char **) visibilities)
                                    ? visibilities[email_visibility] : NULL);
  raad_member_set_phone (member, empty_to_null (phone));
  raad_member_set_phone_visibility (member,
                                    phone_visibility < g_strv_length ((char **) visibilities)
                                    ? visibilities[phone_visibility] : NULL);
  raad_member_set_term_start (member, empty_to_null (start));
  raad_member_set_term_end (member, empty_to_null (end));
  raad_member_set_linking_pins (member, (const char * const *) pins->pdata);

  if (self->new_photo != NULL)
    raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg",
                                self->new_photo);
  else if (self->remove_photo)
    raad_record_remove_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO);
}

static gboolean
check_dates (RaadMemberEditor *self)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->term_start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->term_end_row));
  g_autofree char *start_stripped = g_strstrip (g_strdup (start));
  g_autofree char *end_stripped = g_strstrip (g_strdup (end));
  gboolean start_ok = date_is_valid (start_stripped);
  gboolean end_ok = date_is_valid (end_stripped);
  const char *message = NULL;

  if (start_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->term_start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->term_start_row), "error");
  if (end_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->term_end_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->term_end_row), "error");

  if (!start_ok)
    message = _("The start of the term is not a date. Write it as year-month-day, "
                "for example 2025-09-01.");
  else if (!end_ok)
    message = _("The end of the term is not a date. Write it as year-month-day, "
                "for example 2029-08-31.");
  else if (*start_stripped != '\0' && *end_stripped != '\0'
           && strcmp (end_stripped, start_stripped) < 0)
    message = _("The term ends before it starts.");

  gtk_label_set_label (self->term_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->term_error_label), message != NULL);
  return message == NULL;
}

/* Callbacks */

static void
council_selected_cb (RaadMemberEditor *self)
{
  if (self->council_ids->len > 0)
    rebuild_linking_rows (self);
}

static void
term_changed_cb (RaadMemberEditor *self)
{
  /* Clear a shown error as soon as the date is corrected; no nagging while typing. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->term_error_label)))
    check_dates (self);
}

static void
name_changed_cb (RaadMemberEditor *self)
{
  adw_avatar_set_text (self->photo_avatar, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
photo_decoded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RaadMemberEditor *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = raad_photo_cache_decode_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture != NULL)
    adw_avatar_set_custom_image (self->photo_avatar, GDK_PAINTABLE (texture));
}

static void
prepare_photo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = raad_photo_prepare_file (G_FILE (task_data), &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
photo_prepared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RaadMemberEditor *self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->photo_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->photo_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-photo", TRUE);

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This photo cannot be used: %s"),
                                                  error->message);

      g_debug ("Photo rejected: %s", error->message);
      gtk_label_set_label (self->photo_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      return;
    }

  g_clear_pointer (&self->new_photo, g_bytes_unref);
  self->new_photo = g_steal_pointer (&bytes);
  self->remove_photo = FALSE;
  update_photo_buttons (self);
  raad_photo_cache_decode_async (self->new_photo,
                                 PHOTO_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->cancellable, photo_decoded_cb, self);
}

static void
chooser_response_cb (RaadMemberEditor     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->photo_spinner), TRUE);
  gtk_spinner_start (self->photo_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-photo", FALSE);

  task = g_task_new (NULL, self->cancellable, photo_prepared_cb, self);
  g_task_set_source_tag (task, chooser_response_cb);
  g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
  g_task_run_in_thread (task, prepare_photo_thread);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (widget);

  if (raad_member_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (widget);

  g_clear_pointer (&self->new_photo, g_bytes_unref);
  self->remove_photo = TRUE;
  adw_avatar_set_custom_image (self->photo_avatar, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  update_photo_buttons (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *id = NULL;

  if (self->member == NULL)
    return;
  id = g_strdup (raad_record_get_id (RAAD_RECORD (self->member)));
  gtk_window_close (GTK_WINDOW (self));

  /* The main window deletes and offers Undo in a toast. */
  if (parent == NULL
      || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-record", "s", id))
    {
      g_autoptr(GError) error = NULL;

      if (!raad_record_delete (RAAD_RECORD (self->member), &error))
        g_warning ("Could not delete member %s: %s", id, error->message);
    }
}

/* GObject */

static void
raad_member_editor_constructed (GObject *object)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (object);

  G_OBJECT_CLASS (raad_member_editor_parent_class)->constructed (object);

  load_fields (self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
raad_member_editor_dispose (GObject *object)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_MEMBER_EDITOR);

  g_clear_object (&self->member);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->new_photo, g_bytes_unref);

  G_OBJECT_CLASS (raad_member_editor_parent_class)->dispose (object);
}

static void
raad_member_editor_finalize (GObject *object)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (object);

  g_free (self->default_council_id);
  g_ptr_array_unref (self->council_ids);
  g_ptr_array_unref (self->linking_rows);
  g_hash_table_unref (self->linking_pins);

  G_OBJECT_CLASS (raad_member_editor_parent_class)->finalize (object);
}

static void
raad_member_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_COUNCIL_ID:
      g_value_set_string (value, self->default_council_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_member_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RaadMemberEditor *self = RAAD_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;
    case PROP_COUNCIL_ID:
      self->default_council_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_member_editor_class_init (RaadMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = raad_member_editor_constructed;
  object_class->dispose = raad_member_editor_dispose;
  object_class->finalize = raad_member_editor_finalize;
  object_class->get_property = raad_member_editor_get_property;
  object_class->set_property = raad_member_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, RAAD_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL_ID] =
    g_param_spec_string ("council-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAAD_TYPE_TAG_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, photo_avatar);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, photo_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, photo_error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, council_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, membership_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, areas_editor);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, expertise_editor);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, bio_view);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, email_visibility_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, phone_visibility_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, term_start_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, term_end_row);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, term_error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, linking_group);
  gtk_widget_class_bind_template_child (widget_class, RaadMemberEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, council_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, term_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-photo", NULL,
                                   choose_photo_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-photo", NULL,
                                   remove_photo_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
}

static void
raad_member_editor_init (RaadMemberEditor *self)
{
  self->council_ids = g_ptr_array_new_with_free_func (g_free);
  self->linking_rows = g_ptr_array_new ();
  self->linking_pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
raad_member_editor_new (RaadStore  *store,
                        RaadMember *member,
                        const char *council_id)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (member == NULL || RAAD_IS_MEMBER (member), NULL);

  return g_object_new (RAAD_TYPE_MEMBER_EDITOR,
                       "store", store,
                       "member", member,
                       "council-id", council_id,
                       NULL);
}

RaadMember *
raad_member_editor_get_member (RaadMemberEditor *self)
{
  g_return_val_if_fail (RAAD_IS_MEMBER_EDITOR (self), NULL);

  return self->member;
}

gboolean
raad_member_editor_save (RaadMemberEditor *self)
{
  g_autoptr(RaadMember) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAAD_IS_MEMBER_EDITOR (self), FALSE);

  show_error (self, NULL);
  raad_tag_editor_commit (self->areas_editor);
  raad_tag_editor_commit (self->expertise_editor);

  if (!check_dates (self))
    {
      gtk_widget_grab_focus (date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->term_start_row)))
                             ? GTK_WIDGET (self->term_end_row) : GTK_WIDGET (self->term_start_row));
      return FALSE;
    }

  if (self->member != NULL)
    {
      g_autoptr(JsonObject) body = raad_store_get (self->store,
                                                   raad_record_get_id (RAAD_RECORD (self->member)),
                                                   &error);
      if (body == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The member could not be read again: %s"),
                                                      error->message);
          show_error (self, message);
          return FALSE;
        }
      copy = RAAD_MEMBER (raad_record_new_from_json (self->store, body));
    }
  else
    copy = raad_member_new (self->store);

  apply_fields (self, copy);

  if (!raad_member_validate (copy, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }
  if (!raad_record_save (RAAD_RECORD (copy), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The member could not be saved: %s"),
                                                  error->message);

      g_warning ("Saving member %s failed: %s", raad_record_get_id (RAAD_RECORD (copy)),
                 error->message);
      show_error (self, message);
      return FALSE;
    }

  if (self->member == NULL)
    {
      g_autoptr(RaadRecord) live = raad_record_load (self->store,
                                                     raad_record_get_id (RAAD_RECORD (copy)),
                                                     NULL);
      if (live != NULL && RAAD_IS_MEMBER (live))
        {
          self->member = RAAD_MEMBER (g_steal_pointer (&live));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
        }
    }
  g_clear_pointer (&self->new_photo, g_bytes_unref);
  self->remove_photo = FALSE;
  return TRUE;
}
