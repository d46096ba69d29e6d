import { Anchor, Button, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Person } from "#shared/organization.ts";
import { segment } from "../../api/client.ts";
import { EmptyNotice } from "../../components/states.tsx";
import { today } from "../../i18n/format.ts";
import { currentUnitCodes, personPath, usePeopleSearch, usePerson } from "../people/people.queries.ts";

/** The API keeps at most this many contacts on an activity (`contactIds`, src/shared/activities.ts). */
export const MAX_CONTACTS = 20;

/**
 * A contact by id: their name and the units of their current posts, once loaded. A person the
 * reader may not see (404) is said to be hidden rather than shown as an id.
 */
function useContact(id: string) {
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.data) {
    return { person: person.data, name: person.data.name, units: currentUnitCodes(person.data, today()) };
  }
  return { person: null, name: person.isError ? t("activities.contactHidden") : "…", units: [] };
}

/** A chosen contact's name for an error message, from what the picker has already loaded. */
export function useContactName() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.getQueryData<Person>(["person", id])?.name ?? t("activities.contactHidden");
}

function ContactUnits({ units, linked }: { units: string[]; linked: boolean }) {
  const { t } = useTranslation();
  if (units.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        {t("activities.noCurrentPost")}
      </Text>
    );
  return (
    <Text span size="sm">
      {units.map((code, index) => (
        <span key={code}>
          {index > 0 ? ", " : null}
          {linked ? (
            <Anchor component={Link} to={`/units/${segment(code)}`} size="sm">
              {code}
            </Anchor>
          ) : (
            code
          )}
        </span>
      ))}
    </Text>
  );
}

function ContactLine({ id }: { id: string }) {
  const contact = useContact(id);
  return (
    <li>
      <Group gap="xs" wrap="wrap">
        {contact.person ? (
          <Anchor component={Link} to={personPath(contact.person)} fw={500}>
            {contact.person.name}
          </Anchor>
        ) : (
          <Text span fs="italic">
            {contact.name}
          </Text>
        )}
        {contact.person ? <ContactUnits units={contact.units} linked /> : null}
      </Group>
    </li>
  );
}

/** The activity's contacts as links to their pages, each with the units where they work now. */
export function ActivityContacts({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return <EmptyNotice>{t("activities.noContacts")}</EmptyNotice>;
  return (
    <ul className="activity-contacts">
      {ids.map((id) => (
        <ContactLine key={id} id={id} />
      ))}
    </ul>
  );
}

function ChosenContact({ id, onRemove }: { id: string; onRemove: (name: string) => void }) {
  const { t } = useTranslation();
  const contact = useContact(id);
  return (
    <li>
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Text span fw={500} fs={contact.person ? undefined : "italic"}>
            {contact.name}
          </Text>
          {contact.person ? <ContactUnits units={contact.units} linked={false} /> : null}
        </Group>
        <Button
          size="compact-sm"
          variant="outline"
          color="red.9"
          onClick={() => onRemove(contact.name)}
          aria-label={t("activities.removeContactOf", { name: contact.name })}
        >
          {t("activities.removeContact")}
        </Button>
      </Group>
    </li>
  );
}

/**
 * Chooses the people to contact about an activity: a list of those chosen, each with a remove
 * button, then a search by name whose results each have an add button. After adding or removing,
 * focus returns to the search box and a polite message says what changed.
 */
export function ContactPicker({
  selected,
  onChange,
  errors,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  errors: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [message, setMessage] = useState("");
  const people = usePeopleSearch(debounced);
  const searching = debounced.length >= 2;
  const found = searching ? (people.data?.entries ?? []) : [];
  const full = selected.length >= MAX_CONTACTS;
  const day = today();

  const add = (person: Person) => {
    // The chosen list shows the person at once, from the search's answer.
    queryClient.setQueryData(["person", person.id], person);
    onChange([...selected, person.id]);
    setMessage(t("activities.contactAdded", { name: person.name }));
    searchRef.current?.focus();
  };
  const remove = (personId: string, name: string) => {
    onChange(selected.filter((value) => value !== personId));
    setMessage(t("activities.contactRemoved", { name }));
    searchRef.current?.focus();
  };
  const describedBy = [`${id}-hint`, errors.length > 0 ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <Fieldset
      legend={t("activities.contacts")}
      aria-describedby={describedBy}
      aria-invalid={errors.length > 0 ? true : undefined}
      data-name="contactIds"
    >
      <Stack gap="xs">
        <Text size="sm" id={`${id}-hint`}>
          {t("activities.contactsHint", { max: MAX_CONTACTS })}
        </Text>
        {errors.length > 0 ? (
          <Text size="sm" c="red.9" id={`${id}-error`}>
            {errors.join(" ")}
          </Text>
        ) : null}
        {selected.length === 0 ? (
          <EmptyNotice>{t("activities.noContactsChosen")}</EmptyNotice>
        ) : (
          <ul className="contact-choices" aria-label={t("activities.chosenContacts")}>
            {selected.map((personId) => (
              <ChosenContact key={personId} id={personId} onRemove={(name) => remove(personId, name)} />
            ))}
          </ul>
        )}
        <TextInput
          ref={searchRef}
          type="search"
          label={t("activities.findContact")}
          description={
            full ? t("activities.contactsFull", { max: MAX_CONTACTS }) : t("activities.findContactHint")
          }
          name="contactSearch"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          // Enter in the search box must not save the whole activity.
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          autoComplete="off"
          maw={420}
        />
        <Text size="sm" role="status" aria-live="polite" className="contact-message">
          {message}
          {message && searching ? " " : null}
          {searching && !people.isPending
            ? found.length === 0
              ? t("activities.contactsNoneFound")
              : t("activities.contactsFound", { shown: found.length })
            : null}
        </Text>
        {found.length > 0 ? (
          <ul className="contact-results" aria-label={t("activities.contactSearchResults")}>
            {found.map((person) => {
              const units = currentUnitCodes(person, day);
              const chosen = selected.includes(person.id);
              return (
                <li key={person.id}>
                  <Group gap="sm" wrap="nowrap" justify="space-between">
                    <Group gap="xs" wrap="wrap">
                      <Text span fw={500}>
                        {person.name}
                      </Text>
                      <ContactUnits units={units} linked={false} />
                    </Group>
                    {chosen ? (
                      <Text span size="sm" c="dimmed">
                        {t("activities.alreadyContact")}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        onClick={() => add(person)}
                        disabled={full}
                        aria-label={t("activities.addContactOf", { name: person.name })}
                      >
                        {t("activities.addContact")}
                      </Button>
                    )}
                  </Group>
                </li>
              );
            })}
          </ul>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
