import { useState } from 'react';
import { DEFAULT_BAG_KINDS } from '@common/qr';
import { useBagKinds } from '@/features/bag-kinds/api/get-bag-kinds';
import { PackingStation } from '@/features/packing/components/packing-station';
import { StationNameForm } from '@/features/packing/components/station-name-form';
import { readStationName, saveStationName } from '@/features/packing/utils/station-name';
import { useAuth } from '@/app/routes/app/auth-context';
import { LinkButton } from '@/components/ui/button';
import { BackIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

/**
 * The packing station, full-screen (SPEC §4). Parent formats come from the server; until they
 * arrive (or when offline) the shipped ones classify codes. A device names its station once.
 */
export function PackRoute() {
  useDocumentTitle('Pack');
  const { user } = useAuth();
  const kindsQuery = useBagKinds();
  const kinds = kindsQuery.data?.items ?? DEFAULT_BAG_KINDS;
  const [station, setStation] = useState(readStationName);
  const [isRenaming, setIsRenaming] = useState(false);

  function handleSave(name: string) {
    saveStationName(name);
    setStation(name);
    setIsRenaming(false);
  }

  if (!station) {
    return (
      <main id="main" className="station__main">
        <LinkButton to={paths.app.root.getHref()} variant="ghost" icon={<BackIcon />}>
          Exit
        </LinkButton>
        <h1>Packing station</h1>
        <StationNameForm initialName={null} onSave={handleSave} />
      </main>
    );
  }
  return (
    <>
      <PackingStation
        kinds={kinds}
        station={station}
        username={user.username}
        isPaused={isRenaming}
        onRenameStation={() => setIsRenaming(true)}
      />
      {isRenaming ? (
        <div
          className="station-dialog"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setIsRenaming(false);
            }
          }}
        >
          <StationNameForm
            initialName={station}
            onSave={handleSave}
            onCancel={() => setIsRenaming(false)}
          />
        </div>
      ) : null}
    </>
  );
}
