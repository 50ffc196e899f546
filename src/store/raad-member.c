/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-member.c: a council member (lid) on the face-book */
#define G_LOG_DOMAIN "raad-member"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "raad-date.h"
#include "raad-member.h"

struct _RaadMember
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadMember, raad_member, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNCIL_ID,
  PROP_ROLE,
  PROP_MEMBERSHIP,
  PROP_ATTENTION_AREAS,
  PROP_EXPERTISE,
  PROP_BIO,
  PROP_EMAIL,
  PROP_EMAIL_VISIBILITY,
  PROP_PHONE,
  PROP_PHONE_VISIBILITY,
  PROP_TERM_START,
  PROP_TERM_END,
  PROP_LINKING_PINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const roles[] = {
  RAAD_ROLE_CHAIR, RAAD_ROLE_VICE_CHAIR, RAAD_ROLE_SECRETARY, RAAD_ROLE_MEMBER,
  RAAD_ROLE_SUPPORT, RAAD_ROLE_ADVISOR, NULL
};
static const char * const role_labels[] = {
  N_("Chair"), N_("Vice-chair"), N_("Secretary"), N_("Member"), N_("Support officer"),
  N_("Advisor"), NULL
};
static const char * const memberships[] = {
  RAAD_MEMBERSHIP_CLIENT, RAAD_MEMBERSHIP_RELATIVE, RAAD_MEMBERSHIP_EXTERNAL, NULL
};
static const char * const membership_labels[] = {
  N_("Client"), N_("Relative"), N_("External member"), NULL
};
static const char * const visibilities[] = {
  RAAD_VISIBILITY_ORGANISATION, RAAD_VISIBILITY_COUNCIL, RAAD_VISIBILITY_PRIVATE, NULL
};
static const char * const visibility_labels[] = {
  N_("Everyone in the organisation"), N_("Own council"), N_("Only the support officer"), NULL
};

static const char *
label_for (const char * const *values,
           const char * const *labels,
           const char         *value)
{
  for (guint i = 0; values[i]; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, labels[i]);
  /* A value from a newer version: show it as it is rather than nothing. */
  return value != NULL ? value : "";
}

const char * const *
raad_member_roles (void)
{
  return roles;
}

const char *
raad_member_role_label (const char *role)
{
  return label_for (roles, role_labels, role);
}

const char * const *
raad_member_memberships (void)
{
  return memberships;
}

const char *
raad_member_membership_label (const char *membership)
{
  return label_for (memberships, membership_labels, membership);
}

const char * const *
raad_member_visibilities (void)
{
  return visibilities;
}

const char *
raad_member_visibility_label (const char *visibility)
{
  return label_for (visibilities, visibility_labels, visibility);
}

static void
raad_member_class_init (RaadMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "member";

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, RAAD_ROLE_MEMBER, flags);
  properties[PROP_MEMBERSHIP] =
    g_param_spec_string ("membership", NULL, NULL, RAAD_MEMBERSHIP_CLIENT, flags);
  properties[PROP_ATTENTION_AREAS] =
    g_param_spec_boxed ("attention-areas", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXPERTISE] = g_param_spec_boxed ("expertise", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_BIO] = g_param_spec_string ("bio", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL_VISIBILITY] =
    g_param_spec_string ("email-visibility", NULL, NULL, RAAD_VISIBILITY_COUNCIL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_PHONE_VISIBILITY] =
    g_param_spec_string ("phone-visibility", NULL, NULL, RAAD_VISIBILITY_COUNCIL, flags);
  properties[PROP_TERM_START] = g_param_spec_string ("term-start", NULL, NULL, NULL, flags);
  properties[PROP_TERM_END] = g_param_spec_string ("term-end", NULL, NULL, NULL, flags);
  properties[PROP_LINKING_PINS] =
    g_param_spec_boxed ("linking-pins", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_member_init (RaadMember *self)
{
}

RaadMember *
raad_member_new (RaadStore *store)
{
  return RAAD_MEMBER (raad_record_new (RAAD_TYPE_MEMBER, store));
}

#define STRING_FIELD(getter, setter, field)                                   \
  const char *getter (RaadMember *self)                                       \
  {                                                                           \
    g_return_val_if_fail (RAAD_IS_MEMBER (self), NULL);                       \
    return raad_record_get_string (RAAD_RECORD (self), field);                \
  }                                                                           \
  void setter (RaadMember *self, const char *value)                           \
  {                                                                           \
    g_return_if_fail (RAAD_IS_MEMBER (self));                                 \
    raad_record_set_string (RAAD_RECORD (self), field, value);                \
  }

#define STRV_FIELD(getter, setter, field)                                     \
  const char * const *getter (RaadMember *self)                               \
  {                                                                           \
    g_return_val_if_fail (RAAD_IS_MEMBER (self), NULL);                       \
    return raad_record_get_strv (RAAD_RECORD (self), field);                  \
  }                                                                           \
  void setter (RaadMember *self, const char * const *value)                   \
  {                                                                           \
    g_return_if_fail (RAAD_IS_MEMBER (self));                                 \
    raad_record_set_strv (RAAD_RECORD (self), field, value);                  \
  }

STRING_FIELD (raad_member_get_name, raad_member_set_name, "name")
STRING_FIELD (raad_member_get_council_id, raad_member_set_council_id, "council-id")
STRING_FIELD (raad_member_get_role, raad_member_set_role, "role")
STRING_FIELD (raad_member_get_membership, raad_member_set_membership, "membership")
STRING_FIELD (raad_member_get_bio, raad_member_set_bio, "bio")
STRING_FIELD (raad_member_get_email, raad_member_set_email, "email")
STRING_FIELD (raad_member_get_email_visibility, raad_member_set_email_visibility, "email-visibility")
STRING_FIELD (raad_member_get_phone, raad_member_set_phone, "phone")
STRING_FIELD (raad_member_get_phone_visibility, raad_member_set_phone_visibility, "phone-visibility")
STRING_FIELD (raad_member_get_term_start, raad_member_set_term_start, "term-start")
STRING_FIELD (raad_member_get_term_end, raad_member_set_term_end, "term-end")
STRV_FIELD (raad_member_get_attention_areas, raad_member_set_attention_areas, "attention-areas")
STRV_FIELD (raad_member_get_expertise, raad_member_set_expertise, "expertise")
STRV_FIELD (raad_member_get_linking_pins, raad_member_set_linking_pins, "linking-pins")

gboolean
raad_member_term_ends_soon (RaadMember *self,
                            GDate      *today,
                            guint       months)
{
  g_autoptr(GDate) end = NULL;
  g_autoptr(GDate) limit = NULL;

  g_return_val_if_fail (RAAD_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  end = raad_date_parse (raad_member_get_term_end (self));
  if (end == NULL || g_date_compare (end, today) < 0)
    return FALSE;
  limit = g_date_copy (today);
  g_date_add_months (limit, months);
  return g_date_compare (end, limit) <= 0;
}

char *
raad_member_dup_initials (RaadMember *self)
{
  const char *name = raad_member_get_name (self);
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  guint n;

  if (name == NULL)
    return g_string_free (initials, FALSE);
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name));
    words = g_strsplit_set (trimmed, " \t", -1);
  }
  n = g_strv_length (words);
  /* First and last word: "Anna de Vries" → "AV"; tussenvoegsels sit in between. */
  if (n > 0 && *words[0] != '\0')
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[0])));
  if (n > 1 && *words[n - 1] != '\0')
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[n - 1])));
  return g_string_free (initials, FALSE);
}

static gboolean
check_date (const char  *value,
            const char  *what,
            GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  date = raad_date_parse (value);
  if (date == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   /* Translators: %s is a field such as “term start”, the date is YYYY-MM-DD */
                   _("The %s “%s” is not a date; write it as 2026-03-31."), what, value);
      return FALSE;
    }
  return TRUE;
}

gboolean
raad_member_validate (RaadMember  *self,
                      GError     **error)
{
  const char *name = raad_member_get_name (self);
  const char *email = raad_member_get_email (self);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;

  g_return_val_if_fail (RAAD_IS_MEMBER (self), FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("A member needs a name."));
      return FALSE;
    }
  if (email != NULL && *email != '\0' &&
      (strchr (email, '@') == NULL || strchr (email, ' ') != NULL || email[0] == '@' ||
       strchr (email, '@')[1] == '\0'))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address."), email);
      return FALSE;
    }
  if (!check_date (raad_member_get_term_start (self), _("term start"), error) ||
      !check_date (raad_member_get_term_end (self), _("term end"), error))
    return FALSE;
  start = raad_date_parse (raad_member_get_term_start (self));
  end = raad_date_parse (raad_member_get_term_end (self));
  if (start != NULL && end != NULL && g_date_compare (end, start) < 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The term ends before it starts."));
      return FALSE;
    }
  return TRUE;
}
