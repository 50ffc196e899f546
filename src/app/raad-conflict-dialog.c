/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-conflict-dialog.c: records with conflicting versions, compared field by field */

/* Design. When two laptops changed the same record, the store keeps both versions (leaves) and
 * everyone sees the same winner. This dialog lists the records with more than one live leaf
 * (raad_store_list_conflicted) and compares the versions of one record side by side, the winner
 * first: the fields that differ get one radio group each (preset to the winner), the fields
 * that agree are listed once below. "Keep This Version" ends the conflict on that leaf as it
 * is; "Save Merged Version" writes the chosen values on the winning leaf. Both go through
 * raad_store_resolve_conflict, which deletes the other leaves in the same transaction, so the
 * choice syncs to every laptop. The record's JSON is read as it is, so record types added later
 * compare without code of their own; known fields of members, councils and organisations get
 * their labels and values in words. When the window is narrow (the leaflet folds) the versions
 * stack vertically. */

#define G_LOG_DOMAIN "raad-conflict"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-conflict-dialog.h"
#include "raad-conflict-dialog-private.h"
#include "raad-council.h"
#include "raad-member.h"

typedef struct
{
  char       *rev;
  JsonObject *body;
} Version;

typedef struct
{
  char      *key;
  GPtrArray *buttons;   /* GtkCheckButton per version, unowned */
} Choice;

struct _RaadConflictDialog
{
  AdwWindow        parent_instance;

  RaadStore       *store;
  char            *current_id;
  char            *current_type;
  GStrv            listed_ids;
  GPtrArray       *versions;      /* Version, the winner first */
  GPtrArray       *choices;       /* Choice, of the fields that differ */
  GPtrArray       *orientables;   /* GtkOrientable whose orientation follows the fold */
  gboolean         filling;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkStack        *list_stack;
  GtkListBox      *record_list;
  AdwWindowTitle  *record_title;
  GtkStack        *compare_stack;
  GtkScrolledWindow *compare_scroller;
  GtkBox          *compare_box;
};

G_DEFINE_FINAL_TYPE (RaadConflictDialog, raad_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* JSON members that are the store's own, never compared. */
static const char * const meta_fields[] = {
  "_id", "_rev", "_deleted", "_revisions", "_conflicts", "_revs_info", "_local_seq", "type", NULL
};

typedef struct
{
  const char *type;   /* NULL: any type */
  const char *key;
  const char *label;
} FieldLabel;

/* Known fields, in the order they are shown. */
static const FieldLabel field_labels[] = {
  { "member", "name", N_("Name") },
  { "member", "role", N_("Role") },
  { "member", "council_id", N_("Council") },
  { "member", "membership", N_("Member as") },
  { "member", "_attachments", N_("Photo") },
  { "member", "attention_areas", N_("Attention areas") },
  { "member", "expertise", N_("Expertise") },
  { "member", "bio", N_("About") },
  { "member", "email", N_("E-mail") },
  { "member", "email_visibility", N_("E-mail visible to") },
  { "member", "phone", N_("Phone") },
  { "member", "phone_visibility", N_("Phone visible to") },
  { "member", "term_start", N_("Term starts") },
  { "member", "term_end", N_("Term ends") },
  { "member", "linking_pins", N_("Linking pin for") },
  { "council", "name", N_("Name") },
  { "council", "kind", N_("Kind") },
  { "council", "location", N_("Location") },
  { "council", "parent_id", N_("Central council") },
  { "council", "description", N_("Description") },
  { "organisation", "name", N_("Name") },
  { "organisation", "sector", N_("Sector") },
  { "organisation", "description", N_("Description") },
  { NULL, "name", N_("Name") },
  { NULL, "title", N_("Title") },
  { NULL, "description", N_("Description") },
  { NULL, "council_id", N_("Council") },
  { NULL, "_attachments", N_("Attachments") },
};

static void
version_free (gpointer data)
{
  Version *version = data;

  g_free (version->rev);
  g_clear_pointer (&version->body, json_object_unref);
  g_free (version);
}

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_free (choice->key);
  g_ptr_array_unref (choice->buttons);
  g_free (choice);
}

/* Helpers: words for fields and values */

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "member") == 0)
    return _("Member");
  if (g_strcmp0 (type, "council") == 0)
    return _("Council");
  if (g_strcmp0 (type, "organisation") == 0)
    return _("Organisation");
  return type != NULL ? type : _("Record");
}

/* The position of a known field (G_MAXINT for others) and its label. */
static int
find_field (const char  *type,
            const char  *key,
            const char **label)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if ((field_labels[i].type == NULL || g_strcmp0 (field_labels[i].type, type) == 0)
        && g_strcmp0 (field_labels[i].key, key) == 0)
      {
        if (label != NULL)
          *label = g_dgettext (GETTEXT_PACKAGE, field_labels[i].label);
        return (int) i;
      }
  return G_MAXINT;
}

static char *
dup_field_label (const char *type,
                 const char *key)
{
  const char *label = NULL;
  char *text;

  if (find_field (type, key, &label) != G_MAXINT)
    return g_strdup (label);
  /* A field of a type this version does not know: its JSON name, readable. */
  text = g_strdelimit (g_strdup (key[0] == '_' ? key + 1 : key), "_-", ' ');
  if (text[0] != '\0')
    text[0] = g_ascii_toupper (text[0]);
  return text;
}

static gboolean
is_meta_field (const char *key)
{
  return g_strv_contains (meta_fields, key);
}

static char *
dup_record_title (JsonObject *body)
{
  const char *keys[] = { "name", "title", "subject" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *text = json_object_get_string_member_with_default (body, keys[i], NULL);

      if (text != NULL && *text != '\0')
        return g_strdup (text);
    }
  return g_strdup (json_object_get_string_member_with_default (body, "_id", "?"));
}

static char *
dup_council_name (RaadConflictDialog *self,
                  const char         *id)
{
  g_autoptr(JsonObject) body = raad_store_get (self->store, id, NULL);
  const char *name = body != NULL
                     ? json_object_get_string_member_with_default (body, "name", NULL) : NULL;

  if (name == NULL || *name == '\0'
      || json_object_get_boolean_member_with_default (body, "_deleted", FALSE))
    return g_strdup (_("Unknown council"));
  return g_strdup (name);
}

static gboolean
node_is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) == '\0';
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  return FALSE;
}

/* "name=digest;…" of an _attachments object, sorted: what makes two of them the same. */
static char *
dup_attachments_key (JsonNode *node)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_string_free (g_steal_pointer (&key), FALSE);
  object = json_node_get_object (node);
  names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *stub = json_object_get_member (object, l->data);
      const char *digest = JSON_NODE_HOLDS_OBJECT (stub)
                           ? json_object_get_string_member_with_default (
                               json_node_get_object (stub), "digest", "") : "";

      g_string_append_printf (key, "%s=%s;", (const char *) l->data, digest);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
values_equal (const char *key,
              JsonNode   *a,
              JsonNode   *b)
{
  if (node_is_empty (a) || node_is_empty (b))
    return node_is_empty (a) && node_is_empty (b);
  if (g_strcmp0 (key, "_attachments") == 0)
    {
      g_autofree char *ka = dup_attachments_key (a);
      g_autofree char *kb = dup_attachments_key (b);

      return g_strcmp0 (ka, kb) == 0;
    }
  return json_node_equal (a, b);
}

static char *
dup_string_value (RaadConflictDialog *self,
                  const char         *key,
                  const char         *value)
{
  const char *type = self->current_type;

  if (g_strcmp0 (type, "member") == 0)
    {
      if (g_strcmp0 (key, "role") == 0)
        return g_strdup (raad_member_role_label (value));
      if (g_strcmp0 (key, "membership") == 0)
        return g_strdup (raad_member_membership_label (value));
      if (g_strcmp0 (key, "email_visibility") == 0 || g_strcmp0 (key, "phone_visibility") == 0)
        return g_strdup (raad_member_visibility_label (value));
    }
  if (g_strcmp0 (type, "council") == 0 && g_strcmp0 (key, "kind") == 0)
    {
      if (g_strcmp0 (value, RAAD_COUNCIL_CENTRAL) == 0)
        return g_strdup (_("Central client council"));
      if (g_strcmp0 (value, RAAD_COUNCIL_LOCAL) == 0)
        return g_strdup (_("Local council"));
    }
  if (g_strcmp0 (key, "council_id") == 0 || g_strcmp0 (key, "parent_id") == 0)
    return dup_council_name (self, value);
  return g_strdup (value);
}

/* A value in words: what a member of the council would call it. */
static char *
dup_value_text (RaadConflictDialog *self,
                const char         *key,
                JsonNode           *node)
{
  if (node_is_empty (node))
    {
      if (g_strcmp0 (key, "_attachments") == 0 && g_strcmp0 (self->current_type, "member") == 0)
        return g_strdup (_("No photo"));
      return g_strdup (_("(empty)"));
    }

  if (g_strcmp0 (key, "_attachments") == 0 && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      if (json_object_get_size (object) == 1 && json_object_has_member (object, RAAD_MEMBER_PHOTO))
        return g_strdup (_("A photo"));
      names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
      for (GList *l = names; l != NULL; l = l->next)
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", (const char *) l->data);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType value_type = json_node_get_value_type (node);

      if (value_type == G_TYPE_STRING)
        return dup_string_value (self, key, json_node_get_string (node));
      if (value_type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (value_type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (value_type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *item = NULL;

          if (JSON_NODE_HOLDS_VALUE (element)
              && json_node_get_value_type (element) == G_TYPE_STRING)
            item = dup_string_value (self, g_strcmp0 (key, "linking_pins") == 0 ? "council_id"
                                                                               : key,
                                     json_node_get_string (element));
          else
            item = json_to_string (element, FALSE);
          g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return json_to_string (node, TRUE);
}

/* A small picture of a version's photo, or NULL. */
static GtkWidget *
create_photo (RaadConflictDialog *self,
              JsonNode           *node)
{
  JsonObject *stub;
  const char *digest;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *picture;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !json_object_has_member (json_node_get_object (node), RAAD_MEMBER_PHOTO))
    return NULL;
  stub = json_object_get_object_member (json_node_get_object (node), RAAD_MEMBER_PHOTO);
  digest = stub != NULL ? json_object_get_string_member_with_default (stub, "digest", NULL)
                        : NULL;
  if (digest == NULL)
    return NULL;
  bytes = raad_store_get_blob (self->store, digest, &error);
  if (bytes == NULL)
    {
      /* The photo's bytes may not have arrived yet: the words say "A photo". */
      g_debug ("No photo %s: %s", digest, error->message);
      return NULL;
    }
  stream = g_memory_input_stream_new_from_bytes (bytes);
  /* Two or three small photos: decoding them here costs less than a frame. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 96, 96, TRUE, NULL, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Photo %s cannot be shown: %s", digest, error->message);
      return NULL;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, 96, 96);
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  gtk_widget_add_css_class (picture, "conflict-photo");
  return picture;
}

/* Helpers: building the comparison */

static GtkOrientation
versions_orientation (RaadConflictDialog *self)
{
  return adw_leaflet_get_folded (self->leaflet) ? GTK_ORIENTATION_VERTICAL
                                                : GTK_ORIENTATION_HORIZONTAL;
}

/* A box that holds one child per version: side by side, or stacked when narrow. */
static GtkWidget *
create_versions_box (RaadConflictDialog *self)
{
  GtkWidget *box = gtk_box_new (versions_orientation (self), 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  g_ptr_array_add (self->orientables, box);
  return box;
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
dup_version_name (guint index)
{
  /* Translators: %u is the number of a version of a record: 1, 2, … */
  return g_strdup_printf (_("Version %u"), index + 1);
}

static GtkWidget *
create_version_header (RaadConflictDialog *self,
                       guint               index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button, *label;
  g_autofree char *name = dup_version_name (index);
  g_autofree char *accessible = NULL;
  g_autofree char *widget_name = g_strdup_printf ("keep-%u", index);
  Version *version = g_ptr_array_index (self->versions, index);

  gtk_widget_add_css_class (card, "conflict-version");
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_tooltip_text (card, version->rev);
  gtk_box_append (GTK_BOX (card), create_label (name, "heading"));
  gtk_box_append (GTK_BOX (card),
                  create_label (index == 0 ? _("Everyone sees this version until you choose")
                                           : _("Kept, but not shown"),
                                "dim-label"));

  label = gtk_label_new (_("Keep This Version"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_name (button, widget_name);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflict.keep");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  /* Translators: %s is "Version 1", "Version 2", … */
  accessible = g_strdup_printf (_("Keep %s as it is"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_box_append (GTK_BOX (card), button);
  return card;
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   GtkWidget      *field_box)
{
  /* The fields where the user took another version's value stand out a little less. */
  if (gtk_check_button_get_active (button))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "version"));

      if (index == 0)
        gtk_widget_remove_css_class (field_box, "chosen-other");
      else
        gtk_widget_add_css_class (field_box, "chosen-other");
    }
}

static GtkWidget *
create_differing_field (RaadConflictDialog *self,
                        const char         *key)
{
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *choices_box = create_versions_box (self);
  GtkWidget *heading;
  g_autofree char *label = dup_field_label (self->current_type, key);
  GtkCheckButton *group = NULL;
  Choice *choice = g_new0 (Choice, 1);

  choice->key = g_strdup (key);
  choice->buttons = g_ptr_array_new ();

  gtk_widget_add_css_class (field, "conflict-field");
  gtk_widget_add_css_class (field, "differs");
  heading = create_label (label, "heading");
  gtk_box_append (GTK_BOX (field), heading);
  gtk_box_append (GTK_BOX (field), choices_box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (choices_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  for (guint i = 0; i < self->versions->len; i++)
    {
      Version *version = g_ptr_array_index (self->versions, i);
      JsonNode *node = json_object_get_member (version->body, key);
      g_autofree char *text = dup_value_text (self, key, node);
      g_autofree char *version_name = dup_version_name (i);
      g_autofree char *accessible = NULL;
      g_autofree char *widget_name = g_strdup_printf ("choice:%s:%u", key, i);
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *photo = NULL;

      gtk_box_append (GTK_BOX (content), create_label (version_name, "caption"));
      if (g_strcmp0 (key, "_attachments") == 0)
        photo = create_photo (self, node);
      if (photo != NULL)
        gtk_box_append (GTK_BOX (content), photo);
      else
        gtk_box_append (GTK_BOX (content), create_label (text, node_is_empty (node)
                                                                 ? "dim-label" : NULL));
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), content);
      gtk_widget_set_name (button, widget_name);
      gtk_widget_add_css_class (button, "conflict-choice");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (button);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), i == 0);
      g_object_set_data (G_OBJECT (button), "version", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), field, 0);

      /* Translators: "Role: Chair, from Version 2" — a field, its value, and whose it is */
      accessible = g_strdup_printf (_("%s: %s, from %s"), label, text, version_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (choices_box), button);
      g_ptr_array_add (choice->buttons, button);
    }
  g_ptr_array_add (self->choices, choice);
  return field;
}

static GtkWidget *
create_same_row (RaadConflictDialog *self,
                 const char         *key)
{
  Version *winner = g_ptr_array_index (self->versions, 0);
  JsonNode *node = json_object_get_member (winner->body, key);
  g_autofree char *label = dup_field_label (self->current_type, key);
  g_autofree char *text = dup_value_text (self, key, node);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static int
compare_fields (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const char *type = user_data;
  const char *ka = *(const char **) a;
  const char *kb = *(const char **) b;
  int pa = find_field (type, ka, NULL);
  int pb = find_field (type, kb, NULL);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_strcmp0 (ka, kb);
}

/* Every field any version has, known ones in their order, then the others by name. */
static GPtrArray *
collect_fields (RaadConflictDialog *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->versions->len; i++)
    {
      Version *version = g_ptr_array_index (self->versions, i);
      g_autoptr(GList) members = json_object_get_members (version->body);

      for (GList *l = members; l != NULL; l = l->next)
        if (!is_meta_field (l->data) && g_hash_table_add (seen, l->data))
          g_ptr_array_add (fields, g_strdup (l->data));
    }
  g_ptr_array_sort_with_data (fields, compare_fields, self->current_type);
  return fields;
}

static gboolean
field_differs (RaadConflictDialog *self,
               const char         *key)
{
  Version *winner = g_ptr_array_index (self->versions, 0);
  JsonNode *first = json_object_get_member (winner->body, key);

  for (guint i = 1; i < self->versions->len; i++)
    {
      Version *version = g_ptr_array_index (self->versions, i);

      if (!values_equal (key, first, json_object_get_member (version->body, key)))
        return TRUE;
    }
  return FALSE;
}

static void
clear_compare_box (RaadConflictDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_box))) != NULL)
    gtk_box_remove (self->compare_box, child);
  g_ptr_array_set_size (self->orientables, 0);
  g_ptr_array_set_size (self->choices, 0);
}

static void
update_actions (RaadConflictDialog *self)
{
  gboolean comparing = self->versions->len > 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.save-merged", comparing);
}

static void
show_nothing (RaadConflictDialog *self)
{
  g_clear_pointer (&self->current_id, g_free);
  g_clear_pointer (&self->current_type, g_free);
  g_ptr_array_set_size (self->versions, 0);
  clear_compare_box (self);
  adw_window_title_set_title (self->record_title, "");
  adw_window_title_set_subtitle (self->record_title, "");
  gtk_stack_set_visible_child_name (self->compare_stack, "none");
  update_actions (self);
}

/* Reads the live leaves of @id; FALSE when it has fewer than two. */
static gboolean
load_versions (RaadConflictDialog *self,
               const char         *id)
{
  g_auto(GStrv) leaves = raad_store_get_leaves (self->store, id, FALSE);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (version_free);

  for (guint i = 0; leaves[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      Version *version = g_new0 (Version, 1);

      version->rev = g_strdup (leaves[i]);
      version->body = raad_store_get_revision (self->store, id, leaves[i], &error);
      if (version->body == NULL)
        {
          g_warning ("Cannot read %s of %s: %s", leaves[i], id, error->message);
          version_free (version);
          continue;
        }
      g_ptr_array_add (versions, version);
    }
  if (versions->len < 2)
    return FALSE;

  g_ptr_array_set_size (self->versions, 0);
  g_ptr_array_extend_and_steal (self->versions, g_steal_pointer (&versions));
  return TRUE;
}

static void
build_comparison (RaadConflictDialog *self)
{
  Version *winner = g_ptr_array_index (self->versions, 0);
  g_autoptr(GPtrArray) fields = collect_fields (self);
  g_autofree char *title = dup_record_title (winner->body);
  g_autofree char *intro = NULL;
  GtkWidget *headers, *same_list = NULL;
  guint n_differing = 0;

  clear_compare_box (self);
  adw_window_title_set_title (self->record_title, title);
  adw_window_title_set_subtitle (self->record_title, type_label (self->current_type));

  /* Translators: there are always two or more versions here */
  intro = g_strdup_printf (ngettext ("This record has %u version: it was changed in more than "
                                     "one place before these synced. Until you choose, everyone "
                                     "sees version 1. Keep one version, or pick a value for "
                                     "each field that differs and save the merged version.",
                                     "This record has %u versions: it was changed in more than "
                                     "one place before these synced. Until you choose, everyone "
                                     "sees version 1. Keep one version, or pick a value for "
                                     "each field that differs and save the merged version.",
                                     self->versions->len),
                           self->versions->len);
  gtk_box_append (self->compare_box, create_label (intro, NULL));

  headers = create_versions_box (self);
  for (guint i = 0; i < self->versions->len; i++)
    gtk_box_append (GTK_BOX (headers), create_version_header (self, i));
  gtk_box_append (self->compare_box, headers);

  for (guint i = 0; i < fields->len; i++)
    if (field_differs (self, fields->pdata[i]))
      {
        if (n_differing++ == 0)
          gtk_box_append (self->compare_box, create_label (_("Different in the Versions"),
                                                           "title-4"));
        gtk_box_append (self->compare_box, create_differing_field (self, fields->pdata[i]));
      }
  if (n_differing == 0)
    gtk_box_append (self->compare_box,
                    create_label (_("The versions hold the same values; keep either one."),
                                  "dim-label"));

  for (guint i = 0; i < fields->len; i++)
    if (!field_differs (self, fields->pdata[i]))
      {
        if (same_list == NULL)
          {
            GtkWidget *heading = create_label (_("The Same in All Versions"), "title-4");

            same_list = gtk_list_box_new ();
            gtk_list_box_set_selection_mode (GTK_LIST_BOX (same_list), GTK_SELECTION_NONE);
            gtk_widget_add_css_class (same_list, "boxed-list");
            gtk_accessible_update_relation (GTK_ACCESSIBLE (same_list),
                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                            -1);
            gtk_box_append (self->compare_box, heading);
            gtk_box_append (self->compare_box, same_list);
          }
        gtk_list_box_append (GTK_LIST_BOX (same_list), create_same_row (self, fields->pdata[i]));
      }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->compare_scroller), 0);
  gtk_stack_set_visible_child_name (self->compare_stack, "compare");
  update_actions (self);
}

static void
show_record (RaadConflictDialog *self,
             const char         *id)
{
  if (!load_versions (self, id))
    {
      show_nothing (self);
      return;
    }
  if (g_strcmp0 (self->current_id, id) != 0)
    {
      g_free (self->current_id);
      self->current_id = g_strdup (id);
    }
  g_free (self->current_type);
  self->current_type = g_strdup (json_object_get_string_member_with_default (
                                   ((Version *) self->versions->pdata[0])->body, "type", NULL));
  build_comparison (self);
}

static GtkListBoxRow *
find_row (RaadConflictDialog *self,
          const char         *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->record_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child)
        && g_strcmp0 (g_object_get_data (G_OBJECT (child), "id"), id) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static GtkWidget *
create_record_row (RaadConflictDialog *self,
                   const char         *id)
{
  g_auto(GStrv) leaves = raad_store_get_leaves (self->store, id, FALSE);
  g_autoptr(JsonObject) body = raad_store_get (self->store, id, NULL);
  g_autofree char *title = body != NULL ? dup_record_title (body) : g_strdup (id);
  const char *type = body != NULL ? json_object_get_string_member_with_default (body, "type",
                                                                                  NULL) : NULL;
  guint n = g_strv_length (leaves);
  g_autofree char *subtitle = NULL;
  g_autofree char *widget_name = g_strdup_printf ("record:%s", id);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: "Member · 2 versions" */
  subtitle = g_strdup_printf (ngettext ("%s · %u version", "%s · %u versions", n),
                              type_label (type), n);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, widget_name);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
  return row;
}

/* Lists the conflicted records again; keeps the one shown when it is still conflicted. */
static void
reload_records (RaadConflictDialog *self)
{
  g_auto(GStrv) ids = raad_store_list_conflicted (self->store);
  GtkWidget *child;
  GtkListBoxRow *row;

  self->filling = TRUE;
  /* Rebuilt only when the list changed, so that a sync's many writes keep the focus. */
  if (self->listed_ids == NULL
      || !g_strv_equal ((const char * const *) ids, (const char * const *) self->listed_ids))
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->record_list))) != NULL)
        gtk_list_box_remove (self->record_list, child);
      for (guint i = 0; ids[i] != NULL; i++)
        gtk_list_box_append (self->record_list, create_record_row (self, ids[i]));
      g_strfreev (self->listed_ids);
      self->listed_ids = g_strdupv (ids);
    }
  gtk_stack_set_visible_child_name (self->list_stack, ids[0] != NULL ? "records" : "empty");

  row = self->current_id != NULL ? find_row (self, self->current_id) : NULL;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->record_list, row);
      self->filling = FALSE;
      return;
    }
  self->filling = FALSE;

  /* The record shown has one version now (here or through sync): on to the next one. */
  show_nothing (self);
  if (adw_leaflet_get_folded (self->leaflet) || ids[0] == NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    raad_conflict_dialog_select (self, ids[0]);
}

/* Does the record shown still have the versions compared? */
static gboolean
versions_current (RaadConflictDialog *self)
{
  g_auto(GStrv) leaves = NULL;

  if (self->current_id == NULL)
    return TRUE;
  leaves = raad_store_get_leaves (self->store, self->current_id, FALSE);
  if (g_strv_length (leaves) != self->versions->len)
    return FALSE;
  for (guint i = 0; leaves[i] != NULL; i++)
    if (g_strcmp0 (leaves[i], ((Version *) self->versions->pdata[i])->rev) != 0)
      return FALSE;
  return TRUE;
}

static void
show_toast (RaadConflictDialog *self,
            const char         *title)
{
  /* Toast titles are markup. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (RaadConflictDialog *self,
            const GError       *error)
{
  GtkWidget *dialog;

  g_warning ("Resolving the conflict of %s failed: %s", self->current_id, error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Choice"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resolve (RaadConflictDialog *self,
         const char         *keep_rev,
         JsonObject         *body)
{
  g_autofree char *id = g_strdup (self->current_id);
  g_autofree char *title = dup_record_title (((Version *) self->versions->pdata[0])->body);
  g_autofree char *rev = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  rev = raad_store_resolve_conflict (self->store, id, keep_rev, body, &error);
  if (rev == NULL)
    {
      show_error (self, error);
      return;
    }
  g_debug ("Conflict of %s resolved at %s", id, rev);
  /* Translators: %s is the name of a member, council, … */
  message = g_strdup_printf (_("“%s” has one version again"), title);
  show_toast (self, message);
}

/* The winner's body with the chosen versions' values, without the store's own members. */
static JsonObject *
build_merged (RaadConflictDialog *self)
{
  Version *winner = g_ptr_array_index (self->versions, 0);
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (winner->body);

  /* A new object: json_node_copy shares what it copies, and the winner's body stays as read. */
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_meta_field (l->data) || g_strcmp0 (l->data, "type") == 0)
      json_object_set_member (merged, l->data,
                              json_node_copy (json_object_get_member (winner->body, l->data)));

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      for (guint v = 1; v < choice->buttons->len; v++)
        if (gtk_check_button_get_active (choice->buttons->pdata[v]))
          {
            Version *version = g_ptr_array_index (self->versions, v);
            JsonNode *node = json_object_get_member (version->body, choice->key);

            if (node != NULL)
              json_object_set_member (merged, choice->key, json_node_copy (node));
            else if (json_object_has_member (merged, choice->key))
              json_object_remove_member (merged, choice->key);
          }
    }
  return merged;
}

/* Callbacks */

static void
record_activated_cb (RaadConflictDialog *self,
                     GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "id");

  if (id != NULL && !self->filling)
    raad_conflict_dialog_select (self, id);
}

static void
back_clicked_cb (RaadConflictDialog *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_changed_cb (RaadConflictDialog *self)
{
  GtkOrientation orientation = versions_orientation (self);

  for (guint i = 0; i < self->orientables->len; i++)
    gtk_orientable_set_orientation (self->orientables->pdata[i], orientation);
}

static void
store_changed_cb (RaadConflictDialog *self)
{
  /* A sync may bring a new version of the record shown, or end its conflict. */
  if (!versions_current (self) && self->current_id != NULL)
    {
      g_autofree char *id = g_strdup (self->current_id);

      if (!load_versions (self, id))
        g_clear_pointer (&self->current_id, g_free);
      else
        build_comparison (self);
    }
  reload_records (self);
}

/* Actions */

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->current_id == NULL || index >= self->versions->len)
    return;
  resolve (self, ((Version *) self->versions->pdata[index])->rev, NULL);
}

static void
save_merged_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (widget);
  g_autoptr(JsonObject) merged = NULL;

  if (self->current_id == NULL || self->versions->len < 2)
    return;
  merged = build_merged (self);
  resolve (self, ((Version *) self->versions->pdata[0])->rev, merged);
}

/* GObject */

static void
raad_conflict_dialog_constructed (GObject *object)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (object);

  G_OBJECT_CLASS (raad_conflict_dialog_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload_records (self);
}

static void
raad_conflict_dialog_dispose (GObject *object)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_CONFLICT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (raad_conflict_dialog_parent_class)->dispose (object);
}

static void
raad_conflict_dialog_finalize (GObject *object)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (object);

  g_free (self->current_id);
  g_free (self->current_type);
  g_strfreev (self->listed_ids);
  g_ptr_array_unref (self->versions);
  g_ptr_array_unref (self->choices);
  g_ptr_array_unref (self->orientables);

  G_OBJECT_CLASS (raad_conflict_dialog_parent_class)->finalize (object);
}

static void
raad_conflict_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_conflict_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaadConflictDialog *self = RAAD_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_conflict_dialog_class_init (RaadConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = raad_conflict_dialog_constructed;
  object_class->dispose = raad_conflict_dialog_dispose;
  object_class->finalize = raad_conflict_dialog_finalize;
  object_class->get_property = raad_conflict_dialog_get_property;
  object_class->set_property = raad_conflict_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/raad-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, record_list);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, record_title);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, compare_scroller);
  gtk_widget_class_bind_template_child (widget_class, RaadConflictDialog, compare_box);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "conflict.keep", "u", keep_action);
  gtk_widget_class_install_action (widget_class, "conflict.save-merged", NULL,
                                   save_merged_action);
}

static void
raad_conflict_dialog_init (RaadConflictDialog *self)
{
  self->versions = g_ptr_array_new_with_free_func (version_free);
  self->choices = g_ptr_array_new_with_free_func (choice_free);
  self->orientables = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  update_actions (self);
}

/* Public API */

RaadConflictDialog *
raad_conflict_dialog_new (RaadStore *store)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  return g_object_new (RAAD_TYPE_CONFLICT_DIALOG, "store", store, NULL);
}

void
raad_conflict_dialog_select (RaadConflictDialog *self,
                             const char         *id)
{
  GtkListBoxRow *row;

  g_return_if_fail (RAAD_IS_CONFLICT_DIALOG (self));
  g_return_if_fail (id != NULL);

  show_record (self, id);
  row = find_row (self, id);
  self->filling = TRUE;
  gtk_list_box_select_row (self->record_list, row);
  self->filling = FALSE;
  if (self->current_id != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

const char *
_raad_conflict_dialog_get_current_id (RaadConflictDialog *self)
{
  g_return_val_if_fail (RAAD_IS_CONFLICT_DIALOG (self), NULL);

  return self->current_id;
}

guint
_raad_conflict_dialog_get_n_records (RaadConflictDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (RAAD_IS_CONFLICT_DIALOG (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->record_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

GStrv
_raad_conflict_dialog_dup_revs (RaadConflictDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_CONFLICT_DIALOG (self), NULL);

  for (guint i = 0; i < self->versions->len; i++)
    g_strv_builder_add (builder, ((Version *) self->versions->pdata[i])->rev);
  return g_strv_builder_end (builder);
}

GStrv
_raad_conflict_dialog_dup_differing (RaadConflictDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_CONFLICT_DIALOG (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    g_strv_builder_add (builder, ((Choice *) self->choices->pdata[i])->key);
  return g_strv_builder_end (builder);
}

GtkWidget *
_raad_conflict_dialog_get_choice (RaadConflictDialog *self,
                                  const char         *field,
                                  guint               index)
{
  g_return_val_if_fail (RAAD_IS_CONFLICT_DIALOG (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (choice->key, field) == 0 && index < choice->buttons->len)
        return choice->buttons->pdata[index];
    }
  return NULL;
}
