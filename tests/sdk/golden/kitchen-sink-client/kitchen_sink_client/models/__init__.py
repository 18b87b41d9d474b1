"""Contains all the data models used in inputs/outputs"""

from .ack import Ack
from .boat import Boat
from .car import Car
from .cat import Cat
from .circle import Circle
from .delete_pet_body import DeletePetBody
from .delete_pet_body_reason import DeletePetBodyReason
from .dog import Dog
from .empty import Empty
from .labels import Labels
from .new_pet import NewPet
from .pet import Pet
from .pet_filter import PetFilter
from .pet_kind import PetKind
from .problem import Problem
from .replace_pet_body import ReplacePetBody
from .schedule import Schedule
from .schedule_when_type_0 import ScheduleWhenType0
from .session import Session
from .square import Square
from .status import Status
from .submit_form_body import SubmitFormBody
from .update_pet_body import UpdatePetBody
from .update_pet_body_status import UpdatePetBodyStatus
from .upload_image_body import UploadImageBody
from .upload_image_body_meta import UploadImageBodyMeta
from .upload_image_body_mode import UploadImageBodyMode

__all__ = (
    "Ack",
    "Boat",
    "Car",
    "Cat",
    "Circle",
    "DeletePetBody",
    "DeletePetBodyReason",
    "Dog",
    "Empty",
    "Labels",
    "NewPet",
    "Pet",
    "PetFilter",
    "PetKind",
    "Problem",
    "ReplacePetBody",
    "Schedule",
    "ScheduleWhenType0",
    "Session",
    "Square",
    "Status",
    "SubmitFormBody",
    "UpdatePetBody",
    "UpdatePetBodyStatus",
    "UploadImageBody",
    "UploadImageBodyMeta",
    "UploadImageBodyMode",
)
